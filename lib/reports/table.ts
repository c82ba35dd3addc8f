/*
 * Every report answers with tables of this shape, so the screen, the CSV export and the printable
 * page render any report the same way. Labels are keys of the "reports" message namespace;
 * values are raw numbers (万元 as numbers of 万元, rates as fractions 0–1, durations in hours).
 */
/** decimal: a plain figure shown to two decimals (an average score, 万元 a 亩) whose label names its unit */
export type ColumnKind = "text" | "count" | "percent" | "wan" | "area" | "decimal" | "hours" | "days";

export interface ReportColumn {
  key: string;
  /** a key under reports.columns */
  label: string;
  kind: ColumnKind;
}

export type ReportValue = string | number | null;

export interface ReportTable {
  /** a key under reports.tables */
  key: string;
  columns: ReportColumn[];
  rows: Record<string, ReportValue>[];
}

/** The reports on /crm/reports, in their tab order. */
export const reportKeys = [
  "funnel",
  "conversion",
  "speed",
  "loss",
  "trend",
  "pipeline",
  "occupancy",
  "delivery",
] as const;
export type ReportKey = (typeof reportKeys)[number];
