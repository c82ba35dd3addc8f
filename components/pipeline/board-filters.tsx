import Link from "next/link";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages } from "@/lib/i18n/server";
import type { LeadFilter } from "@/lib/leads/filter/filter";
import type { InboxFilterOptions } from "@/lib/leads/filter/options";
import styles from "./board-filters.module.css";

/** The inbox's filters as a GET form, so a filtered board can be bookmarked and works without JavaScript. */
export async function BoardFilters({ filter, options }: { filter: LeadFilter; options: InboxFilterOptions }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = messages.pipeline.filters;
  const filtering = Object.keys(filter).length > 0;
  const select = (name: keyof LeadFilter, label: string, choices: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`board-${name}`}>{label}</label>
      <select id={`board-${name}`} name={name} defaultValue={filter[name] ?? ""}>
        <option value="">{t.any}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
  const check = (name: "overdue" | "late" | "archived", label: string) => (
    <label className={styles.check}>
      <input type="checkbox" name={name} value="1" defaultChecked={filter[name] === "1"} />
      {label}
    </label>
  );
  return (
    <details className="filters-toggle" open={filtering || undefined}>
      <summary>{t.title}</summary>
      <form method="get" action="/crm/pipeline" className={`panel ${styles.form}`} role="search" aria-label={t.title}>
        <div className="field">
          <label htmlFor="board-q">{t.q}</label>
          <input
            id="board-q"
            type="search"
            name="q"
            maxLength={100}
            defaultValue={filter.q ?? ""}
            placeholder={t.qHint}
          />
        </div>
        {select(
          "stage",
          t.stage,
          options.stages.map((stage) => ({ value: stage.key, label: localized(locale, stage.name, stage.nameEn) })),
        )}
        {select("owner", t.owner, [
          { value: "mine", label: t.mine },
          { value: "unassigned", label: t.unassigned },
          ...options.owners.map((owner) => ({ value: owner.id, label: owner.name })),
        ])}
        {select(
          "park",
          t.park,
          options.parks.map((park) => ({ value: park.id, label: localized(locale, park.name, park.nameEn) })),
        )}
        {select(
          "listing",
          t.listing,
          options.listings.map((listing) => ({
            value: listing.id,
            label: localized(locale, listing.title, listing.titleEn),
          })),
        )}
        {select(
          "source",
          t.source,
          options.sources.map((source) => ({ value: source, label: source })),
        )}
        <div className="field">
          <label htmlFor="board-from">{t.from}</label>
          <input id="board-from" type="date" name="from" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="board-to">{t.to}</label>
          <input id="board-to" type="date" name="to" defaultValue={filter.to ?? ""} />
        </div>
        <div className={styles.checks}>
          {check("overdue", t.overdue)}
          {check("late", t.late)}
          {check("archived", t.archived)}
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t.apply}
          </button>
          {filtering && (
            <Link className="button secondary" href="/crm/pipeline">
              {t.reset}
            </Link>
          )}
        </div>
      </form>
    </details>
  );
}
