import "server-only";
import { Prisma } from "../../db/generated/client";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { WORKSPACE_ROLES } from "../../leads/access";
import { reportTallySql, resolveRange, type ReportFilter } from "../filters";
import { foldReportTallies, tallyRows } from "../tallies/tallies";
import { shanghaiDays } from "../tallies/spans";
import type { ReportColumn, ReportTable } from "../table";
import { trendWindow, type TrendPeriod } from "./periods";

export const trendColumns: ReportColumn[] = [
  { key: "period", label: "reportsConversion.columns.period", kind: "text" },
  { key: "inquiries", label: "reportsConversion.columns.inquiries", kind: "count" },
  { key: "inquiriesLastYear", label: "reportsConversion.columns.inquiriesLastYear", kind: "count" },
  { key: "leads", label: "reportsConversion.columns.newLeads", kind: "count" },
  { key: "leadsLastYear", label: "reportsConversion.columns.newLeadsLastYear", kind: "count" },
  { key: "signed", label: "reportsConversion.columns.signed", kind: "count" },
  { key: "signedLastYear", label: "reportsConversion.columns.signedLastYear", kind: "count" },
  { key: "signedTax", label: "reportsConversion.columns.signedTax", kind: "wan" },
  { key: "signedTaxLastYear", label: "reportsConversion.columns.signedTaxLastYear", kind: "wan" },
];

export interface TrendRow {
  /** "2026-10", or "2026-W41 · 10-05–10-11" */
  period: string;
  /** the period's first and last day (Asia/Shanghai), for charts and links */
  start: string;
  end: string;
  inquiries: number;
  leads: number;
  signed: number;
  signedTax: number;
  inquiriesLastYear: number | null;
  leadsLastYear: number | null;
  signedLastYear: number | null;
  signedTaxLastYear: number | null;
}

/**
 * Per ISO week (Monday start) or calendar month, Asia/Shanghai, over the range widened to whole
 * periods, for the leads the filters select (merged-away leads never counted):
 * - inquiries: Inquiry.createdAt in the period; leads: Lead.createdAt in the period;
 * - signed: leads now in a WON stage whose latest entry into a WON stage (a StageChange to a WON
 *   stage from one that is not WON, kept as Lead.signedAt) falls in the period, whenever they were
 *   created; signedTax: the sum of their signedAnnualTax (万元);
 * - …LastYear: the same figures for the same ISO week number / the same month a year earlier, or
 *   null when that period holds none of the three events (or does not exist: week 53).
 * Read from the tallies (lib/reports/tallies); an inquiry counts under the owner, park, kind and source
 * its lead had when it arrived.
 */
export async function trendReport(
  db: Database,
  viewer: Viewer | null,
  filter: ReportFilter,
  now = new Date(),
): Promise<ReportTable[]> {
  assertRole(viewer, WORKSPACE_ROLES, "read the trend report");
  await foldReportTallies(db);
  const period: TrendPeriod = filter.period;
  const window = trendWindow(resolveRange(filter, now), period);
  const unit = period === "week" ? Prisma.sql`'week'` : Prisma.sql`'month'`;
  const windows = [shanghaiDays(window.from, window.to), shanghaiDays(window.previousFrom, window.previousTo)];
  const scope = reportTallySql(filter, viewer, "t");
  // Weeks cut across months: a weekly trend reads day rows only.
  const only = period === "week" ? "day" : undefined;
  const rows = await db.$queryRaw<TrendRow[]>`
    WITH periods AS (${periodsSql(period, window)}),
    events AS (
      SELECT date_trunc(${unit}, t."period")::date AS "start",
        COALESCE(sum(t."inquiries") FILTER (WHERE t."event" = 'inquiry'), 0)::int AS "inquiries",
        COALESCE(sum(t."leads") FILTER (WHERE t."event" = 'created'), 0)::int AS "leads",
        COALESCE(sum(t."leads") FILTER (WHERE t."event" = 'signed'), 0)::int AS "signed",
        COALESCE(sum(t."signedTax") FILTER (WHERE t."event" = 'signed'), 0)::float8 AS "tax"
      FROM (
        SELECT * FROM ${tallyRows("inquiry", windows, only)} t
        UNION ALL SELECT * FROM ${tallyRows("created", windows, only)} t
        UNION ALL SELECT * FROM ${tallyRows("signed", windows, only)} t
      ) t
      WHERE ${scope}
      GROUP BY 1
      -- a period whose tallies were all emptied by moves holds no event
      HAVING sum(t."inquiries") FILTER (WHERE t."event" = 'inquiry') > 0 OR sum(t."leads") > 0
    )
    SELECT p."label" AS "period", to_char(p."start", 'YYYY-MM-DD') AS "start", to_char(p."end", 'YYYY-MM-DD') AS "end",
      COALESCE(e."inquiries", 0) AS "inquiries", COALESCE(e."leads", 0) AS "leads", COALESCE(e."signed", 0) AS "signed",
      COALESCE(e."tax", 0) AS "signedTax",
      pe."inquiries" AS "inquiriesLastYear", pe."leads" AS "leadsLastYear", pe."signed" AS "signedLastYear",
      pe."tax" AS "signedTaxLastYear"
    FROM periods p
    LEFT JOIN events e ON e."start" = p."start"
    LEFT JOIN events pe ON pe."start" = p."previousStart"
    ORDER BY p."start"`;
  return [{ key: "reportsConversion.tables.trend", columns: trendColumns, rows: rows.map((row) => ({ ...row })) }];
}

/**
 * The periods with their label, last day and the start of the same period a year earlier (null for an ISO week 53
 * without one).
 */
function periodsSql(period: TrendPeriod, window: { firstDay: string; lastDay: string }): Prisma.Sql {
  const series = (step: string) =>
    Prisma.sql`generate_series(${window.firstDay}::date::timestamp, ${window.lastDay}::date::timestamp,
      ${step}::interval) p`;
  if (period === "month") {
    return Prisma.sql`SELECT p::date AS "start", (p + interval '1 month' - interval '1 day')::date AS "end",
        to_char(p, 'YYYY-MM') AS "label",
        (p - interval '1 year')::date AS "previousStart"
      FROM ${series("1 month")}`;
  }
  return Prisma.sql`SELECT p::date AS "start", (p + interval '6 days')::date AS "end",
      to_char(p, 'IYYY-"W"IW · MM-DD') || to_char(p + interval '6 days', '–MM-DD') AS "label",
      (SELECT w FROM (SELECT
          to_date((extract(isoyear FROM p)::int - 1)::text || '-' || extract(week FROM p)::int::text, 'IYYY-IW') AS w
        ) y
        WHERE extract(week FROM w) = extract(week FROM p)) AS "previousStart"
    FROM ${series("1 week")}`;
}
