import "server-only";
import type { Database } from "../../db/client";
import type { Viewer } from "../../auth/session";
import { formatDate } from "../../i18n/format";
import { localized } from "../../i18n/localized";
import type { Locale, Messages } from "../../i18n/messages";
import { term } from "../../i18n/vocabulary";
import { managesLeads } from "../../leads/access";
import { shanghaiDayStart } from "../../calendar/shanghai-time";
import { resolveRange, type ReportFilter, type ReportRange } from "../filters";

/*
 * A report view in words, for what leaves the screen (CSV title lines, the printed header, the
 * workbooks' title rows): whoever reads the paper must see which period and which leads it covers.
 */

export interface ViewInWords {
  range: ReportRange;
  /** "本月：2026年10月1日 至 2026年10月31日" */
  period: string;
  /** "园区：…；来源：百度", or "全部线索" */
  filters: string;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

export async function describeView(
  db: Database,
  viewer: Viewer,
  filter: ReportFilter,
  options: { locale: Locale; messages: Messages; now: Date },
): Promise<ViewInWords> {
  const { locale, messages, now } = options;
  const text = messages.reportsExport;
  const range = resolveRange(filter, now);
  const days = fill(text.range, {
    from: formatDate(shanghaiDayStart(range.fromDay), locale),
    to: formatDate(shanghaiDayStart(range.toDay), locale),
  });
  const period =
    filter.range === "custom"
      ? days
      : fill(text.presetRange, { preset: messages.reports.filters.presets[filter.range], range: days });

  // Staff always see their own figures (reportLeadsSql), whatever the URL says: the words say so too.
  const ownerId = managesLeads(viewer) ? filter.owner : viewer.id;
  const [park, owner] = await Promise.all([
    filter.park ? db.park.findUnique({ where: { id: filter.park }, select: { name: true, nameEn: true } }) : null,
    ownerId && ownerId !== viewer.id ? db.user.findUnique({ where: { id: ownerId }, select: { name: true } }) : null,
  ]);
  const parts: string[] = [];
  if (filter.park)
    parts.push(fill(text.filters.park, { name: park ? localized(locale, park.name, park.nameEn) : filter.park }));
  if (filter.kind) parts.push(fill(text.filters.kind, { name: messages.kind[filter.kind] }));
  if (filter.source)
    parts.push(fill(text.filters.source, { name: term(messages.vocabulary, "source", filter.source) }));
  if (ownerId)
    parts.push(fill(text.filters.owner, { name: ownerId === viewer.id ? viewer.name : (owner?.name ?? ownerId) }));
  return { range, period, filters: parts.length ? parts.join(text.filters.separator) : text.filters.none };
}

/** The parameters of a view that could not be read, in words ("时间范围、园区"). */
export function invalidFields(fields: string[], messages: Messages): string {
  const labels: Record<string, unknown> = {
    ...messages.reports.filters,
    ...messages.reportsDelivery.filters,
    report: messages.reports.tabs.label,
    tab: messages.reports.tabs.label,
    sheet: messages.reportsExport.workbooks.title,
  };
  const names = fields.map((field) => {
    const label = labels[field.split(".")[0]];
    return typeof label === "string" ? label : field;
  });
  return [...new Set(names)].join(messages.reportsExport.filters.separator);
}
