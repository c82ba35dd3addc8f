import type { Metadata } from "next";
import Link from "next/link";
import { ListingCard } from "@/components/listings/listing-card";
import { getDb } from "@/lib/db/client";
import { publicUrl } from "@/lib/http/public-url";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { parkAvailability } from "@/lib/inventory/park-availability";
import { parkAvailabilityAreas } from "@/lib/listings/availability";
import { latestListings, parksWithListingCounts } from "@/lib/listings/queries";
import { parkSharePicture, shareMetadata } from "@/lib/listings/share-card";

/** The site's share card: what a link to the home page shows in WeChat and other previews. */
export async function generateMetadata(): Promise<Metadata> {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const card = {
    title: messages.home.title,
    description: messages.home.lead,
    path: "/",
    image: { ...parkSharePicture, alt: messages.site.name },
    siteName: messages.site.name,
    locale,
  };
  return shareMetadata(card, publicUrl());
}

export default async function HomePage() {
  const [db, locale, messages, t] = await Promise.all([getDb(), getLocale(), getMessages(), getTranslations()]);
  const [listings, parks, availability] = await Promise.all([
    latestListings(db, 6),
    parksWithListingCounts(db),
    parkAvailability(db),
  ]);
  return (
    <>
      <section className="hero">
        <h1>{messages.home.title}</h1>
        <p>{messages.home.lead}</p>
        <div className="actions">
          <Link href="/listings" className="button light">
            {messages.home.browse}
          </Link>
          <Link href="/inquire" className="button accent">
            {messages.home.tellUs}
          </Link>
        </div>
      </section>
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">{messages.home.latest}</h2>
        <div className="grid">
          {listings.map((listing, index) => (
            <ListingCard key={listing.id} listing={listing} priority={index === 0} />
          ))}
        </div>
      </section>
      <section aria-labelledby="parks-title">
        <h2 id="parks-title">{messages.home.parks}</h2>
        <div className="grid">
          {parks.map((park) => {
            const free = availability.get(park.id);
            return (
              <article key={park.id} className="panel">
                <h3>
                  <Link href={`/listings?park=${park.slug}`}>{localized(locale, park.name, park.nameEn)}</Link>
                </h3>
                <p className="meta">
                  {localized(locale, park.city, park.cityEn)} ·{" "}
                  {t("home.parkListings", { count: park.availableListings })}
                </p>
                {free && (
                  <p className="meta" data-testid="park-availability">
                    {t("publicListings.availability.park", parkAvailabilityAreas(free, locale, messages))}
                  </p>
                )}
                <p>{localized(locale, park.description, park.descriptionEn)}</p>
              </article>
            );
          })}
        </div>
      </section>
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{messages.home.stepsTitle}</h2>
        <ol className="steps">
          {messages.home.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
    </>
  );
}
