import Link from "next/link";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { term } from "@/lib/i18n/vocabulary";
import { BUILDING_KINDS, inventoryHref, type InventoryFilter } from "@/lib/inventory/grid/schema";
import { UNIT_STATUSES } from "@/lib/inventory/types";
import styles from "./inventory.module.css";

interface ParkOption {
  slug: string;
  name: string;
  nameEn: string;
}

/**
 * A GET form: the park and the filters live in the URL (the page drops empty parameters), so a view can be
 * bookmarked, printed and shared, and it works before any script has run.
 */
export async function InventoryFilters({
  park,
  parks,
  filter,
}: {
  park: string;
  parks: ParkOption[];
  filter: InventoryFilter;
}) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = messages.inventory.grid;
  const statuses = new Set(filter.status ?? []);
  return (
    <form
      method="get"
      action="/crm/inventory"
      role="search"
      aria-label={t.filters}
      className={`panel ${styles.filters}`}
    >
      <div className={styles.filterGrid}>
        <div className="field">
          <label htmlFor="inventory-park">{t.park}</label>
          <select id="inventory-park" name="park" defaultValue={park}>
            {parks.map((option) => (
              <option key={option.slug} value={option.slug}>
                {localized(locale, option.name, option.nameEn)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inventory-kind">{t.kind}</label>
          <select id="inventory-kind" name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">{t.anyKind}</option>
            {BUILDING_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {messages.kind[kind]}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t.area}</legend>
          <div className={styles.range}>
            <input
              type="text"
              inputMode="decimal"
              name="minArea"
              aria-label={`${t.area} ${t.min}`}
              placeholder={t.min}
              defaultValue={filter.minArea ?? ""}
            />
            <input
              type="text"
              inputMode="decimal"
              name="maxArea"
              aria-label={`${t.area} ${t.max}`}
              placeholder={t.max}
              defaultValue={filter.maxArea ?? ""}
            />
          </div>
        </fieldset>
      </div>
      <fieldset className={styles.statuses}>
        <legend className="visually-hidden">{t.status}</legend>
        {UNIT_STATUSES.map((status) => (
          <label key={status} className="choice">
            <input type="checkbox" name="status" value={status} defaultChecked={statuses.has(status)} />
            {term(messages.vocabulary, "unitStatus", status)}
          </label>
        ))}
      </fieldset>
      <div className={styles.bar}>
        <button type="submit" className="button">
          {t.apply}
        </button>
        <Link href={inventoryHref(park, {})} className="button secondary">
          {t.reset}
        </Link>
      </div>
    </form>
  );
}
