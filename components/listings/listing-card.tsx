import Link from "next/link";
import { formatPrice } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { listingAvailabilityAreas } from "@/lib/listings/availability";
import { industryLabel } from "@/lib/listings/industries";
import type { ListingCard as Listing } from "@/lib/listings/queries";
import { kindPicture } from "@/lib/listings/share-card";
import styles from "./listings.module.css";

/** `priority`: the card whose picture is the page's largest paint (the home page's first) loads it at once. */
export async function ListingCard({ listing, priority = false }: { listing: Listing; priority?: boolean }) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("publicListings")]);
  const loading = priority ? ({ loading: "eager", fetchPriority: "high" } as const) : ({ loading: "lazy" } as const);
  const kindLabel = listing.factoryType ? messages.factoryType[listing.factoryType] : messages.kind[listing.kind];
  return (
    <article className="card" data-testid="listing-card">
      {/* eslint-disable @next/next/no-img-element -- demo photos are SVG; uploads arrive pre-sized */}
      {listing.photo ? (
        <img src={listing.photo.url} alt={localized(locale, listing.photo.alt, listing.photo.altEn)} {...loading} />
      ) : (
        // A drawing of the kind, not a photo of this listing: decoration only.
        <img src={kindPicture(listing)} alt="" {...loading} className={styles.kindPicture} />
      )}
      {/* eslint-enable @next/next/no-img-element */}
      <div className="card-body">
        <ul className="tags">
          <li className="tag">{messages.deal[listing.deal]}</li>
          <li className="tag">{kindLabel}</li>
          {listing.status !== "AVAILABLE" && (
            <li className={`tag status-${listing.status}`}>{messages.status[listing.status]}</li>
          )}
        </ul>
        <h3>
          <Link href={`/listings/${listing.id}`}>{localized(locale, listing.title, listing.titleEn)}</Link>
        </h3>
        <p className="price">{formatPrice(listing.price, listing.priceUnit, locale, messages)}</p>
        <p className="meta" data-testid="listing-availability">
          {t("availability.listing", listingAvailabilityAreas(listing, locale, messages))} ·{" "}
          {localized(locale, listing.park.name, listing.park.nameEn)}
        </p>
        <p className="meta">
          {listing.industries
            .slice(0, 3)
            .map((code) => industryLabel(code, locale))
            .join(" · ")}
        </p>
      </div>
    </article>
  );
}
