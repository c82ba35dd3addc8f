import Link from "next/link";
import { formatArea, formatDateTime, formatPrice, formatWan } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { LeadDetail } from "@/lib/leads/detail/queries";
import styles from "./lead-detail.module.css";

const TIMELINES = {
  NOW: "now",
  WITHIN_3_MONTHS: "3m",
  WITHIN_6_MONTHS: "6m",
  WITHIN_12_MONTHS: "12m",
  LATER: "later",
} as const;

/** Every inquiry of the lead, newest first, with the listing as it was priced when the investor asked. */
export async function InquiryList({ detail }: { detail: LeadDetail }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = await getTranslations();
  const text = messages.leadPage.inquiries;
  return (
    <section className="panel" aria-labelledby="inquiries-heading">
      <h2 id="inquiries-heading">{t("leadPage.inquiries.title", { count: detail.inquiries.length })}</h2>
      <ol className={styles.list}>
        {detail.inquiries.map((inquiry) => {
          const utm = [
            inquiry.utmSource && term(messages.vocabulary, "source", inquiry.utmSource),
            inquiry.utmMedium && term(messages.vocabulary, "medium", inquiry.utmMedium),
            inquiry.utmCampaign,
            inquiry.utmTerm,
            inquiry.utmContent,
          ]
            .filter(Boolean)
            .join(" / ");
          return (
            <li key={inquiry.id} className={styles.item} data-testid="lead-inquiry">
              <div className={styles.itemHead}>
                <strong className={styles.mono}>{inquiry.reference}</strong>
                <span className="meta">
                  {formatDateTime(inquiry.createdAt, locale)} · {text.channel[inquiry.channel]}
                </span>
              </div>
              {inquiry.listing ? (
                <p className={styles.body}>
                  <Link href={`/listings/${inquiry.listing.id}`}>
                    {localized(locale, inquiry.listing.title, inquiry.listing.titleEn)}
                  </Link>
                  {" · "}
                  {localized(locale, inquiry.listing.park.name, inquiry.listing.park.nameEn)}
                </p>
              ) : (
                <p className={styles.body}>{text.general}</p>
              )}
              {inquiry.listingPrice && inquiry.listingPriceUnit && inquiry.listingArea && inquiry.listingAreaUnit && (
                <p className="meta">
                  {t("leadPage.inquiries.snapshot", {
                    price: formatPrice(inquiry.listingPrice, inquiry.listingPriceUnit, locale, messages),
                    area: formatArea(inquiry.listingArea, inquiry.listingAreaUnit, locale, messages),
                  })}
                </p>
              )}
              <dl className={styles.details}>
                <dt>{text.need}</dt>
                <dd>
                  {[
                    messages.leadPage.needDeal[inquiry.needDeal],
                    messages.kind[inquiry.needKind],
                    formatArea(inquiry.needArea, inquiry.needAreaUnit, locale, messages),
                    inquiry.use,
                    formatWan(inquiry.expectedAnnualTax, locale),
                  ].join(" · ")}
                </dd>
                {inquiry.timeline && (
                  <>
                    <dt>{text.timeline}</dt>
                    <dd>{messages.inquiry.timelineOptions[TIMELINES[inquiry.timeline]]}</dd>
                  </>
                )}
                {inquiry.message && (
                  <>
                    <dt>{text.message}</dt>
                    <dd>{inquiry.message}</dd>
                  </>
                )}
                {utm && (
                  <>
                    <dt>{text.source}</dt>
                    <dd>{utm}</dd>
                  </>
                )}
                {inquiry.sourcePage && (
                  <>
                    <dt>{text.page}</dt>
                    <dd>{inquiry.sourcePage}</dd>
                  </>
                )}
                {inquiry.referrer && (
                  <>
                    <dt>{text.referrer}</dt>
                    <dd>{inquiry.referrer}</dd>
                  </>
                )}
              </dl>
              <p className="meta">
                {t("leadPage.inquiries.consent", {
                  version: inquiry.consentNoticeVersion,
                  date: formatDateTime(inquiry.consentedAt, locale),
                })}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
