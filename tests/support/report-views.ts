import { expect } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { parseReportFilter, type ReportFilter } from "@/lib/reports/filters";
import type { ReportTable, ReportValue } from "@/lib/reports/table";

/* What the report suites share to ask for a view and read its tables as small hand-worked tables. */

/** A wall-clock time in Asia/Shanghai ("2026-10-08 10:00"). */
export const at = (local: string) => new Date(`${local}:00+08:00`);

/** A report view from URL parameters, as the page reads them. */
export function filterOf(params: Record<string, string>): ReportFilter {
  const parsed = parseReportFilter(params);
  if (!parsed.success) throw new Error(`bad filter ${JSON.stringify(params)}`);
  return parsed.data;
}

/** October 2026, the fixture's month. */
export const october = (extra: Record<string, string> = {}) =>
  filterOf({ range: "custom", from: "2026-10-01", to: "2026-10-31", ...extra });

export const reportViewer = (id: string, role: Viewer["role"]): Viewer => ({
  id,
  email: `${id}@report.test`,
  name: id,
  role,
});

export function reportTable(tables: ReportTable[], key: string): ReportTable {
  const table = tables.find((candidate) => candidate.key === key);
  if (!table) throw new Error(`no table ${key}`);
  return table;
}

/** The rows reduced to the given columns, so expectations read as small tables. */
export const pick = (table: ReportTable, keys: string[]) => table.rows.map((row) => keys.map((key) => row[key]));

/** Expected rows with their numbers compared to nine decimals. */
export const closeTo = (expected: ReportValue[][]) =>
  expected.map((row) => row.map((value) => (typeof value === "number" ? expect.closeTo(value, 9) : value)));
