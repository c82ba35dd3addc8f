import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InquiryPanel } from "../../inquiry-panel";
import { ListingSpecs } from "@/components/listings/listing-specs";
import { getDb } from "@/lib/db/client";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { publicListingById } from "@/lib/listings/queries";
import { I18nProvider } from "@/components/i18n-provider";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ id }, locale] = await Promise.all([params, getLocale()]);
  const listing = await publicListingById(await getDb(), id);
  return { title: listing ? localized(locale, listing.title, listing.titleEn) : undefined };
}

const needFromListing = { SALE: "buy", LEASE: "rent" } as const;

export default async function ListingPage({ params }: { params: Params }) {
  const { id } = await params;
  const [db, locale, messages, t] = await Promise.all([getDb(), getLocale(), getMessages(), getTranslations()]);
  const listing = await publicListingById(db, id);
  if (!listing) notFound();

  const title = localized(locale, listing.title, listing.titleEn);
  const highlights = localized(locale, listing.highlights, listing.highlightsEn.length ? listing.highlightsEn : null);
  return (
    <I18nProvider namespaces={["inquiry", "validation"]}>
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
          {listing.status !== "AVAILABLE" && (
            <p className="notice">{t("listing.notAvailable", { status: messages.status[listing.status] })}</p>
          )}
          {listing.photos.length > 0 && (
            <section className="gallery" aria-label={messages.listing.photos}>
              {listing.photos.map((photo) => (
                // eslint-disable-next-line @next/next/no-img-element -- demo photos are SVG; uploads arrive pre-sized
                <img key={photo.id} src={photo.url} alt={localized(locale, photo.alt, photo.altEn)} />
              ))}
            </section>
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
            <p>{localized(locale, listing.park.description, listing.park.descriptionEn)}</p>
            <p className="meta">
              {listing.park.operatorName} · {listing.park.contactPhone}
            </p>
          </section>
        </article>
        <aside className="panel" aria-labelledby="inquire-title">
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
