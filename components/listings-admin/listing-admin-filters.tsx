import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";
import { listingStatuses, type ListingAdminFilter } from "@/lib/listings/admin/schema";
import { listingKinds } from "@/lib/listings/schema";
import styles from "./listings-admin.module.css";

/** A GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export async function ListingAdminFilters({
  filter,
  parks,
}: {
  filter: ListingAdminFilter;
  parks: { id: string; label: string }[];
}) {
  const messages = await getMessages();
  const t = messages.listingsAdmin;
  const select = (name: string, label: string, value: string | undefined, options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t.any}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      method="get"
      action="/crm/listings"
      className={`panel ${styles.filters}`}
      role="search"
      aria-label={t.filters}
    >
      {select(
        "park",
        t.columns.park,
        filter.park,
        parks.map((park) => [park.id, park.label]),
      )}
      {select(
        "kind",
        t.columns.kind,
        filter.kind,
        listingKinds.map((kind) => [kind, messages.kind[kind]]),
      )}
      {select(
        "status",
        t.columns.status,
        filter.status,
        listingStatuses.map((status) => [status, messages.status[status]]),
      )}
      {select("published", t.columns.published, filter.published, [
        ["yes", t.publishedOptions.yes],
        ["no", t.publishedOptions.no],
      ])}
      <div className={styles.filterButtons}>
        <button type="submit" className="button">
          {t.apply}
        </button>
        <Link href="/crm/listings" className="button secondary">
          {t.reset}
        </Link>
      </div>
    </form>
  );
}
