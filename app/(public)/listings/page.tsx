import type { Metadata } from "next";
import Link from "next/link";
import { ListingCard } from "@/components/listings/listing-card";
import { ListingFilters } from "@/components/listings/listing-filters";
import { Pagination } from "@/components/listings/pagination";
import { getDb } from "@/lib/db/client";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import type { Messages } from "@/lib/i18n/messages";
import { parksWithListingCounts, searchListings } from "@/lib/listings/queries";
import { parseListingFilter } from "@/lib/listings/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).listings.title };
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

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ListingsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { filter, invalid } = parseListingFilter(params);
  const [db, locale, messages, t] = await Promise.all([getDb(), getLocale(), getMessages(), getTranslations()]);
  const [result, parks] = await Promise.all([searchListings(db, filter), parksWithListingCounts(db)]);

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
