import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { InquiryPanel } from "../../inquiry-panel";
import { ContactBar } from "@/components/listings/contact-bar";
import { ListingGallery } from "@/components/listings/listing-gallery";
import styles from "@/components/listings/listings.module.css";
import { ListingSpecs } from "@/components/listings/listing-specs";
import { PhoneLink } from "@/components/ui/phone-link";
import { getDb } from "@/lib/db/client";
import { publicUrl } from "@/lib/http/public-url";
import { formatArea, formatPrice } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { listingAvailabilityAreas, parkAvailabilityAreas } from "@/lib/listings/availability";
import { parkAvailabilityOf } from "@/lib/inventory/park-availability";
import { publicListingById } from "@/lib/listings/queries";
import { listingSharePicture, shareDescription, shareMetadata } from "@/lib/listings/share-card";
import { privacyOperator } from "@/lib/privacy/notice";
import { I18nProvider } from "@/components/i18n-provider";

type Params = Promise<{ id: string }>;

/** One read of the listing per request, shared by its share card and its page. */
const listingById = cache(async (id: string) => publicListingById(await getDb(), id));

/** The listing's share card: its title, the deal, kind, area, price and park first, and its first photo. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ id }, locale, messages] = await Promise.all([params, getLocale(), getMessages()]);
  const listing = await listingById(id);
  if (!listing) return {};
  const title = localized(locale, listing.title, listing.titleEn);
  const facts = [
    messages.deal[listing.deal],
    listing.factoryType ? messages.factoryType[listing.factoryType] : messages.kind[listing.kind],
    formatArea(listing.area, listing.areaUnit, locale, messages),
    formatPrice(listing.price, listing.priceUnit, locale, messages),
    localized(locale, listing.park.name, listing.park.nameEn),
  ];
  const picture = listingSharePicture(listing);
  const photo = listing.photos.find((candidate) => candidate.url === picture.url);
  return shareMetadata(
    {
      title,
      description: shareDescription(facts, localized(locale, listing.description, listing.descriptionEn), locale),
      path: `/listings/${listing.id}`,
      image: { ...picture, alt: photo ? localized(locale, photo.alt, photo.altEn) || title : title },
      siteName: messages.site.name,
      locale,
    },
    publicUrl(),
  );
}

const needFromListing = { SALE: "buy", LEASE: "rent" } as const;
const INQUIRY = "inquiry";

export default async function ListingPage({ params }: { params: Params }) {
  const { id } = await params;
  const [listing, locale, messages, t] = await Promise.all([
    listingById(id),
    getLocale(),
    getMessages(),
    getTranslations(),
  ]);
  if (!listing) notFound();
  const parkAvailability = await parkAvailabilityOf(await getDb(), listing.parkId);

  const title = localized(locale, listing.title, listing.titleEn);
  const highlights = localized(locale, listing.highlights, listing.highlightsEn.length ? listing.highlightsEn : null);
  // The park's own line first; the operator who answers the site's inquiries when the park has none.
  const phone = listing.park.contactPhone.trim() || privacyOperator().phone.trim() || null;
  return (
    <I18nProvider namespaces={["inquiry", "validation", "publicListings"]}>
      <div className="listing-layout">
        <article>
          <p className="meta">
            <Link href="/listings">{messages.listing.backToListings}</Link>
          </p>
          <h1>{title}</h1>
          <ul className="tags">
            <li className={`tag status-${listing.status}`}>{messages.status[listing.status]}</li>
            {highlights.map((highlight) => (
              <li key={highlight} className="tag">
                {highlight}
              </li>
            ))}
          </ul>
          <p className="meta" data-testid="listing-availability">
            {t("publicListings.availability.listing", listingAvailabilityAreas(listing, locale, messages))}
          </p>
          {listing.status !== "AVAILABLE" && (
            <p className="notice">{t("listing.notAvailable", { status: messages.status[listing.status] })}</p>
          )}
          {listing.photos.length > 0 && (
            <ListingGallery
              photos={listing.photos.map((photo) => ({
                id: photo.id,
                url: photo.url,
                alt: localized(locale, photo.alt, photo.altEn) || title,
              }))}
            />
          )}
          <section className="panel">
            <h2>{messages.listing.specs}</h2>
            <ListingSpecs listing={listing} />
          </section>
          <section className="panel">
            <h2>{messages.listing.description}</h2>
            <p>{localized(locale, listing.description, listing.descriptionEn)}</p>
          </section>
          <section className="panel">
            <h2>{messages.listing.park}</h2>
            <h3>{localized(locale, listing.park.name, listing.park.nameEn)}</h3>
            <p className="meta">{localized(locale, listing.park.address, listing.park.addressEn)}</p>
            {parkAvailability && (
              <p className="meta" data-testid="park-availability">
                {t("publicListings.availability.park", parkAvailabilityAreas(parkAvailability, locale, messages))}
              </p>
            )}
            <p>{localized(locale, listing.park.description, listing.park.descriptionEn)}</p>
            <p className="meta">
              {listing.park.operatorName} · <PhoneLink phone={listing.park.contactPhone} />
            </p>
          </section>
        </article>
        <aside id={INQUIRY} className={`panel ${styles.inquiry}`} aria-labelledby="inquire-title">
          <ContactBar phone={phone} formTarget={INQUIRY} />
          <h2 id="inquire-title">{messages.listing.inquireTitle}</h2>
          <p className="meta">{messages.listing.inquireLead}</p>
          <InquiryPanel
            listingId={listing.id}
            sourcePage={`/listings/${listing.id}`}
            defaults={{
              "need.deal": needFromListing[listing.deal],
              "need.kind": listing.kind.toLowerCase(),
              "need.areaUnit": listing.areaUnit === "MU" ? "mu" : "sqm",
            }}
          />
        </aside>
      </div>
    </I18nProvider>
  );
}
