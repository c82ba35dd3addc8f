import Link from "next/link";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { term } from "@/lib/i18n/vocabulary";
import type { InboxFilterOptions } from "@/lib/leads/filter/options";
import { inboxHref, type InboxView } from "./inbox-href";
import styles from "./inbox.module.css";

/**
 * A GET form: the filters live in the URL, so a filtered inbox can be bookmarked, shared and
 * exported, and it works before (or without) JavaScript. The search box stays in view; the rest
 * stays folded (on a phone it is taller than the screen) with the number of filters in use shown.
 */
export async function InboxFilters({
  view,
  options,
  showOwners,
}: {
  view: InboxView;
  options: InboxFilterOptions;
  showOwners: boolean;
}) {
  const [locale, messages, translate] = await Promise.all([getLocale(), getMessages(), getTranslations("inbox")]);
  const t = messages.inbox;
  const { filter } = view;
  const active = Object.keys(filter).filter((name) => name !== "q").length;
  return (
    <form method="get" action="/crm/leads" role="search" aria-label={t.filters} className={`panel ${styles.filters}`}>
      {view.sort !== "received" && <input type="hidden" name="sort" value={view.sort} />}
      {view.direction !== "desc" && <input type="hidden" name="dir" value={view.direction} />}
      <div className={styles.searchRow}>
        <label htmlFor="inbox-q" className="visually-hidden">
          {t.search}
        </label>
        <input
          id="inbox-q"
          type="search"
          name="q"
          maxLength={100}
          defaultValue={filter.q ?? ""}
          placeholder={t.searchPlaceholder}
        />
        <button type="submit" className="button">
          {t.search}
        </button>
      </div>
      <details>
        <summary>{active ? translate("filtersActive", { count: active }) : t.filters}</summary>
        <div className={styles.filterGrid}>
          <Choice
            id="stage"
            label={t.stage}
            value={filter.stage}
            any={t.any}
            options={options.stages.map((stage) => [stage.key, localized(locale, stage.name, stage.nameEn)])}
          />
          <Choice
            id="owner"
            label={t.owner}
            value={filter.owner}
            any={t.any}
            options={[
              ["mine", t.mine],
              ["unassigned", messages.vocabulary.pool],
              ...(showOwners ? options.owners.map((owner): [string, string] => [owner.id, owner.name]) : []),
            ]}
          />
          <Choice
            id="park"
            label={t.park}
            value={filter.park}
            any={t.any}
            options={options.parks.map((park) => [park.id, localized(locale, park.name, park.nameEn)])}
          />
          <Choice
            id="listing"
            label={t.listing}
            value={filter.listing}
            any={t.any}
            options={options.listings.map((listing) => [listing.id, localized(locale, listing.title, listing.titleEn)])}
          />
          <Choice
            id="source"
            label={t.source}
            value={filter.source}
            any={t.any}
            options={options.sources.map((source) => [source, term(messages.vocabulary, "source", source)])}
          />
          <div className="field">
            <label htmlFor="inbox-from">{t.from}</label>
            <input id="inbox-from" type="date" name="from" defaultValue={filter.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="inbox-to">{t.to}</label>
            <input id="inbox-to" type="date" name="to" defaultValue={filter.to ?? ""} />
          </div>
          <fieldset className={styles.flags}>
            <legend className="visually-hidden">{t.filters}</legend>
            {(["overdue", "late", "archived"] as const).map((name) => (
              <label key={name} className="choice">
                <input type="checkbox" name={name} value="1" defaultChecked={filter[name] === "1"} />
                {t[name]}
              </label>
            ))}
          </fieldset>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t.apply}
          </button>
          <Link
            href={inboxHref({ filter: {}, sort: view.sort, direction: view.direction })}
            className="button secondary"
          >
            {t.reset}
          </Link>
        </div>
      </details>
    </form>
  );
}

function Choice({
  id,
  label,
  value,
  any,
  options,
}: {
  id: string;
  label: string;
  value?: string;
  any: string;
  options: [string, string][];
}) {
  return (
    <div className="field">
      <label htmlFor={`inbox-${id}`}>{label}</label>
      <select id={`inbox-${id}`} name={id} defaultValue={value ?? ""}>
        <option value="">{any}</option>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
