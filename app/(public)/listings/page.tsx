import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ListingCard } from "@/components/listings/listing-card";
import { ListingFilters } from "@/components/listings/listing-filters";
import { Pagination } from "@/components/listings/pagination";
import { getDb } from "@/lib/db/client";
import { publicUrl } from "@/lib/http/public-url";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import type { Messages } from "@/lib/i18n/messages";
import { withoutEmptyParams } from "@/lib/http/query-params";
import { parkAvailabilityOf } from "@/lib/inventory/park-availability";
import { parkAvailabilityAreas } from "@/lib/listings/availability";
import { parksWithListingCounts, searchListings } from "@/lib/listings/queries";
import { parseListingFilter } from "@/lib/listings/schema";
import { parkSharePicture, shareDescription, shareMetadata } from "@/lib/listings/share-card";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The catalogue's share card; filtered by one park, it is that park's page and says so. */
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const [{ filter }, locale, messages, t] = await Promise.all([
    searchParams.then(parseListingFilter),
    getLocale(),
    getMessages(),
    getTranslations("publicListings.share"),
  ]);
  const park = filter.park
    ? (await parksWithListingCounts(await getDb())).find((candidate) => candidate.slug === filter.park)
    : undefined;
  const common = { siteName: messages.site.name, locale };
  if (!park)
    return shareMetadata(
      {
        ...common,
        title: messages.listings.title,
        description: t("catalogueDescription"),
        path: "/listings",
        image: { ...parkSharePicture, alt: messages.listings.title },
      },
      publicUrl(),
    );
  const name = localized(locale, park.name, park.nameEn);
  const facts = t("parkFacts", { city: localized(locale, park.city, park.cityEn), count: park.availableListings });
  return shareMetadata(
    {
      ...common,
      title: t("parkTitle", { park: name }),
      description: shareDescription([facts], localized(locale, park.description, park.descriptionEn), locale),
      path: `/listings?park=${encodeURIComponent(park.slug)}`,
      image: { ...parkSharePicture, alt: name },
    },
    publicUrl(),
  );
}

function filterLabel(name: string, messages: Messages): string {
  const t = messages.listings;
  const labels: Record<string, string> = {
    park: t.park,
    kind: t.kind,
    deal: t.deal,
    minArea: `${t.area} ${t.min}`,
    maxArea: `${t.area} ${t.max}`,
    minPrice: `${t.price} ${t.min}`,
    maxPrice: `${t.price} ${t.max}`,
    sort: t.sort,
    page: t.pageNumber,
  };
  return labels[name] ?? name;
}

export default async function ListingsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const tidy = withoutEmptyParams(params);
  if (tidy !== null) redirect(tidy ? `/listings?${tidy}` : "/listings");
  const { filter, invalid } = parseListingFilter(params);
  const [db, locale, messages, t] = await Promise.all([getDb(), getLocale(), getMessages(), getTranslations()]);
  const [result, parks] = await Promise.all([searchListings(db, filter), parksWithListingCounts(db)]);
  // Filtered by one park, the catalogue is that park's page: it says how much of the park is still free.
  const park = filter.park ? parks.find((candidate) => candidate.slug === filter.park) : undefined;
  const availability = park ? await parkAvailabilityOf(db, park.id) : null;

  const kept = new URLSearchParams();
  for (const [name, value] of Object.entries(filter))
    if (name !== "page" && value !== undefined) kept.set(name, String(value));

  return (
    <div className="catalogue">
      <ListingFilters
        filter={filter}
        parks={parks.map((park) => ({ slug: park.slug, label: localized(locale, park.name, park.nameEn) }))}
      />
      <section aria-labelledby="listings-title">
        <div className="toolbar">
          <h1 id="listings-title">{messages.listings.title}</h1>
          <p className="meta" data-testid="listing-count">
            {t("listings.count", { count: result.total })}
          </p>
          {park && availability && (
            <p className="meta" data-testid="park-availability">
              {localized(locale, park.name, park.nameEn)} ·{" "}
              {t("publicListings.availability.park", parkAvailabilityAreas(availability, locale, messages))}
            </p>
          )}
        </div>
        {invalid.length > 0 && (
          <p className="notice" role="status">
            {t("listings.invalidFilter", { fields: invalid.map((name) => filterLabel(name, messages)).join("、") })}
          </p>
        )}
        {result.listings.length === 0 ? (
          <div className="panel">
            <p>{messages.listings.empty}</p>
            <Link href="/inquire" className="button accent">
              {messages.home.tellUs}
            </Link>
          </div>
        ) : (
          <div className="grid">
            {result.listings.map((listing) => (
              <ListingCard key={listing.id} listing={listing} />
            ))}
          </div>
        )}
        <Pagination
          page={result.page}
          pages={result.pages}
          params={kept}
          labels={{
            page: t("listings.page", { page: result.page, pages: result.pages }),
            previous: messages.listings.previous,
            next: messages.listings.next,
          }}
        />
      </section>
    </div>
  );
}
