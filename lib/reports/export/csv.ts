import "server-only";
import type { Locale, Messages } from "../../i18n/messages";
import { csvLine } from "../../csv";
import { durationExactly, durationIn, minutesOf, sharedDurationUnit, type DurationUnit } from "../duration";
import type { ColumnKind, ReportColumn, ReportTable, ReportValue } from "../table";

/*
 * A report's tables as CSV blocks: a title line (the table, the period, the filters), the header,
 * the rows, a blank line. Numbers are written plain — no grouping, percentages as 66.67 not
 * 0.6667 — with the unit in the header, so a spreadsheet reads every cell as a number. A column of
 * durations is written in the unit of its largest figure (lib/reports/duration), as its chart reads. The quoting
 * and the formula guard are the lead export's (lib/csv.ts).
 */

export const BOM = "\uFEFF";

/** Decimals kept per kind: 万元 to the 4 the database stores, the rest to 2. */
const DECIMALS: Record<ColumnKind, number> = {
  text: 0,
  count: 0,
  percent: 2,
  wan: 4,
  area: 2,
  decimal: 2,
  hours: 2,
  days: 2,
};

/** The text at a dotted path of the catalogue ("reports.columns.leads"), if there is one. */
export function messageAt(messages: Messages, path: string): string | undefined {
  let node: unknown = messages;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** A label given as a full key, or as a key under `fallback` ("reports.columns"); the key itself if neither exists. */
export function labelOf(messages: Messages, key: string, fallback: string): string {
  return messageAt(messages, key) ?? messageAt(messages, `${fallback}.${key}`) ?? key;
}

const isDuration = (kind: ColumnKind): kind is "hours" | "days" => kind === "hours" || kind === "days";

/**
 * The unit a column's header carries: a duration column's is `duration`, by default the unit its figures
 * are held in. Area columns name theirs in the label (m² or 亩), since the kind does not say which.
 */
export function unitOf(kind: ColumnKind, messages: Messages, duration?: DurationUnit): string | null {
  if (isDuration(kind)) return messages.reportsExport.units[duration ?? kind];
  switch (kind) {
    case "percent":
      return messages.reportsExport.units.percent;
    case "wan":
      return messages.units.wan;
    default:
      return null;
  }
}

export function columnHeader(column: ReportColumn, messages: Messages, duration?: DurationUnit): string {
  const label = labelOf(messages, column.label, "reports.columns");
  const unit = unitOf(column.kind, messages, duration);
  return unit ? messages.reportsExport.header.replace("{label}", label).replace("{unit}", unit) : label;
}

/** The unit a column of durations is written in: the unit of its largest figure. */
export function columnDurationUnit(
  column: ReportColumn,
  rows: Record<string, ReportValue>[],
): DurationUnit | undefined {
  const kind = column.kind;
  if (!isDuration(kind)) return undefined;
  const figures = rows.map((row) => row[column.key]).filter((value): value is number => typeof value === "number");
  return sharedDurationUnit(figures.map((value) => minutesOf(value, kind)));
}

/**
 * A cell as the CSV holds it: rates as percentages, every number rounded to its kind's decimals,
 * text in English from the row's `<column key>En` twin when there is one (as on screen).
 */
export function plainValue(
  column: ReportColumn,
  row: Record<string, ReportValue>,
  locale: Locale,
  duration?: DurationUnit,
): string | number | null {
  const value = row[column.key] ?? null;
  const kind = column.kind;
  if (kind === "text" || typeof value !== "number") {
    const english = row[`${column.key}En`];
    return locale === "en" && typeof english === "string" && english !== "" ? english : value;
  }
  if (!Number.isFinite(value)) return null;
  if (isDuration(kind) && duration) {
    const minutes = minutesOf(value, kind);
    // Whole minutes rounded up, as on screen; hours and days to the decimals of their kind.
    if (duration === "minutes") return durationIn(minutes, "minutes");
    return Math.round(durationExactly(minutes, duration) * 100) / 100 || 0;
  }
  const scaled = kind === "percent" ? value * 100 : value;
  const factor = 10 ** DECIMALS[kind];
  const rounded = Math.round(scaled * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export interface CsvContext {
  locale: Locale;
  messages: Messages;
  /** the period in words, on every table's title line */
  range: string;
  /** the filters in words */
  filters: string;
}

export function reportCsv(tables: ReportTable[], { locale, messages, range, filters }: CsvContext): string {
  const blocks = tables.map((table) => {
    const lines = [csvLine([labelOf(messages, table.key, "reports.tables"), range, filters])];
    const durations = table.columns.map((column) => columnDurationUnit(column, table.rows));
    lines.push(csvLine(table.columns.map((column, index) => columnHeader(column, messages, durations[index]))));
    for (const row of table.rows)
      lines.push(csvLine(table.columns.map((column, index) => plainValue(column, row, locale, durations[index]))));
    return `${lines.join("")}\r\n`;
  });
  return BOM + blocks.join("");
}
