import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";
import { deals, listingKinds, listingSorts, type ListingFilter } from "@/lib/listings/schema";
import styles from "./listings.module.css";

interface ParkOption {
  slug: string;
  label: string;
}

/**
 * A GET form: filters live in the URL, so a filtered view can be bookmarked and works without JavaScript.
 * The fields left empty are dropped from the address by the page (lib/listings/filter-url.ts), and the
 * default order has no value, so the address names only the filters in use.
 */
export async function ListingFilters({ filter, parks }: { filter: ListingFilter; parks: ParkOption[] }) {
  const messages = await getMessages();
  const t = messages.listings;
  const filtering = Object.keys(filter).some((name) => name !== "page" && name !== "sort");
  // Closed on arrival so a phone shows listings first; open while filters are in use. A desktop shows it
  // open beside the results whatever its state (listings.module.css).
  return (
    <details className={styles.filters} open={filtering || undefined}>
      <summary>{t.filters}</summary>
      <form method="get" action="/listings" className="panel filters" role="search" aria-label={t.filters}>
        <div className="field">
          <label htmlFor="filter-park">{t.park}</label>
          <select id="filter-park" name="park" defaultValue={filter.park ?? ""}>
            <option value="">{t.any}</option>
            {parks.map((park) => (
              <option key={park.slug} value={park.slug}>
                {park.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-kind">{t.kind}</label>
          <select id="filter-kind" name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">{t.any}</option>
            {listingKinds.map((kind) => (
              <option key={kind} value={kind}>
                {messages.kind[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-deal">{t.deal}</label>
          <select id="filter-deal" name="deal" defaultValue={filter.deal ?? ""}>
            <option value="">{t.any}</option>
            {deals.map((deal) => (
              <option key={deal} value={deal}>
                {messages.deal[deal]}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t.area}</legend>
          <div className="range">
            <input
              type="number"
              min={0}
              step="any"
              name="minArea"
              aria-label={`${t.area} ${t.min}`}
              placeholder={t.min}
              defaultValue={filter.minArea}
            />
            <input
              type="number"
              min={0}
              step="any"
              name="maxArea"
              aria-label={`${t.area} ${t.max}`}
              placeholder={t.max}
              defaultValue={filter.maxArea}
            />
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t.price}</legend>
          <span className="hint">{t.priceHint}</span>
          <div className="range">
            <input
              type="number"
              min={0}
              step="any"
              name="minPrice"
              aria-label={`${t.price} ${t.min}`}
              placeholder={t.min}
              defaultValue={filter.minPrice}
            />
            <input
              type="number"
              min={0}
              step="any"
              name="maxPrice"
              aria-label={`${t.price} ${t.max}`}
              placeholder={t.max}
              defaultValue={filter.maxPrice}
            />
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="filter-sort">{t.sort}</label>
          <select id="filter-sort" name="sort" defaultValue={filter.sort === "newest" ? "" : (filter.sort ?? "")}>
            {listingSorts.map((sort) => (
              <option key={sort} value={sort === "newest" ? "" : sort}>
                {t.sorts[sort]}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t.apply}
          </button>
          <Link href="/listings" className="button secondary">
            {t.reset}
          </Link>
        </div>
      </form>
    </details>
  );
}
