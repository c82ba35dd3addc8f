import Link from "next/link";
import { formatArea, formatPrice } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import type { LeadDetail } from "@/lib/leads/detail/queries";
import { listingAvailabilityAreas } from "@/lib/listings/availability";
import { industryLabel } from "@/lib/listings/industries";
import { CopyPitch } from "./copy-pitch";
import styles from "./lead-detail.module.css";

/** Listings that fit the lead's need, each with a text to paste into WeChat or a message. */
export async function MatchingListings({ detail }: { detail: LeadDetail }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = await getTranslations();
  const text = messages.leadPage.matches;
  const { lead, matches } = detail;
  const complete = Boolean(lead.needDeal && lead.needKind && lead.needArea && lead.needAreaUnit);
  return (
    <section className="panel" aria-labelledby="matches-heading">
      <h2 id="matches-heading">{text.title}</h2>
      <p className="hint">{text.hint}</p>
      {!complete ? (
        <p>{text.needIncomplete}</p>
      ) : matches.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <ul className={styles.list} data-testid="lead-matches">
          {matches.map((listing) => {
            const title = localized(locale, listing.title, listing.titleEn);
            const park = localized(locale, listing.park.name, listing.park.nameEn);
            const area = formatArea(listing.availableArea, listing.areaUnit, locale, messages);
            const { free, total } = listingAvailabilityAreas(listing, locale, messages);
            const price = formatPrice(listing.price, listing.priceUnit, locale, messages);
            const path = `/listings/${listing.id}`;
            return (
              <li key={listing.id} className={styles.item} data-listing={listing.id}>
                <div className={styles.itemHead}>
                  <Link href={path}>{title}</Link>
                  <span className={`tag status-${listing.status}`}>{messages.status[listing.status]}</span>
                </div>
                <p className="meta">
                  {park} · {messages.deal[listing.deal]} ·{" "}
                  <span data-freeness={listing.freeness}>
                    {t("leadPage.matches.available", { area: `${free} / ${total}` })}
                  </span>{" "}
                  · {price}
                </p>
                {listing.split && listing.minSplitArea && (
                  <p className="meta">
                    {messages.listing.splitFrom.replace(
                      "{area}",
                      formatArea(listing.minSplitArea, listing.areaUnit, locale, messages),
                    )}
                  </p>
                )}
                {listing.matchedIndustries.length > 0 && (
                  <p className="meta">
                    {text.industryFit}:{" "}
                    {listing.matchedIndustries.map((code) => industryLabel(code, locale)).join("、")}
                  </p>
                )}
                <CopyPitch path={path} template={{ title, park, deal: messages.deal[listing.deal], area, price }} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
