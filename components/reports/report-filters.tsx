import Link from "next/link";
import { localized } from "@/lib/i18n/localized";
import { term } from "@/lib/i18n/vocabulary";
import { getLocale, getMessages } from "@/lib/i18n/server";
import type { InboxFilterOptions } from "@/lib/leads/filter/options";
import { shanghaiDay } from "@/lib/calendar/shanghai-time";
import { deliveryViewOf } from "@/lib/reports/delivery/view";
import { periods, rangePresets, type ReportFilter } from "@/lib/reports/filters";
import type { ReportKey } from "@/lib/reports/table";
import styles from "./report-filters.module.css";

type Choice = { value: string; label: string };
const KINDS = ["FACTORY", "OFFICE", "LAND"] as const;

/**
 * The report view as a GET form, so the view lives in the URL (bookmarked, shared) and works
 * without JavaScript. The custom days show only while "custom" is chosen (CSS :has). Staff pick
 * no owner: their figures are always their own. The delivery tab measures as of a day and evaluates a year
 * instead of counting leads over a range, so it asks for those and the park and officer only.
 */
export async function ReportFilters(props: {
  filter: ReportFilter;
  tab: ReportKey;
  options: Pick<InboxFilterOptions, "parks" | "owners" | "sources">;
  managesLeads: boolean;
}) {
  const { filter, tab, options } = props;
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = messages.reports.filters;
  const select = (
    name: "range" | "park" | "kind" | "source" | "owner" | "period",
    label: string,
    choices: Choice[],
    any = true,
  ) => (
    <div className="field">
      <label htmlFor={`report-${name}`}>{label}</label>
      <select id={`report-${name}`} name={name} defaultValue={filter[name] ?? ""}>
        {any && <option value="">{t.any}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
  const day = (name: "from" | "to", label: string) => (
    <div className={`field ${styles.custom}`}>
      <label htmlFor={`report-${name}`}>{label}</label>
      <input id={`report-${name}`} type="date" name={name} defaultValue={filter[name] ?? ""} />
    </div>
  );
  const park = select(
    "park",
    t.park,
    options.parks.map((park) => ({ value: park.id, label: localized(locale, park.name, park.nameEn) })),
  );
  const owner = (mine: string) =>
    props.managesLeads ? (
      select(
        "owner",
        t.owner,
        options.owners.map((owner) => ({ value: owner.id, label: owner.name })),
      )
    ) : (
      <p className={styles.mine}>{mine}</p>
    );
  const actions = (
    <div className="actions">
      <button type="submit" className="button">
        {t.apply}
      </button>
      <Link className="button secondary" href={`/crm/reports?tab=${tab}`}>
        {t.reset}
      </Link>
    </div>
  );
  if (tab === "delivery") {
    const words = messages.reportsDelivery.filters;
    const view = deliveryViewOf(filter, new Date());
    const thisYear = Number(shanghaiDay(new Date()).slice(0, 4));
    const years = Array.from({ length: 10 }, (_, index) => String(thisYear - index));
    return (
      <form method="get" action="/crm/reports" className={`panel ${styles.form}`} aria-label={t.title}>
        <input type="hidden" name="tab" value={tab} />
        <div className="field">
          <label htmlFor="report-asOf">{words.asOf}</label>
          <input id="report-asOf" type="date" name="asOf" defaultValue={view.day} />
        </div>
        <div className="field">
          <label htmlFor="report-year">{words.year}</label>
          <select id="report-year" name="year" defaultValue={String(view.year)}>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        {park}
        {owner(words.mine)}
        {actions}
      </form>
    );
  }
  return (
    <form method="get" action="/crm/reports" className={`panel ${styles.form}`} aria-label={t.title}>
      <input type="hidden" name="tab" value={tab} />
      {select(
        "range",
        t.range,
        rangePresets.map((preset) => ({ value: preset, label: t.presets[preset] })),
        false,
      )}
      {day("from", t.from)}
      {day("to", t.to)}
      {park}
      {select(
        "kind",
        t.kind,
        KINDS.map((kind) => ({ value: kind, label: t.kinds[kind] })),
      )}
      {select(
        "source",
        t.source,
        options.sources.map((source) => ({ value: source, label: term(messages.vocabulary, "source", source) })),
      )}
      {owner(t.mine)}
      {select(
        "period",
        t.period,
        periods.map((period) => ({ value: period, label: t.periods[period] })),
        false,
      )}
      {actions}
    </form>
  );
}
