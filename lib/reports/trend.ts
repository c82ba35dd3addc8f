import "server-only";
import { Prisma } from "../db/generated/client";
import type { Database } from "../db/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";
import { WORKSPACE_ROLES } from "../leads/access";
import { coversEveryLead, reportLeadsSql, resolveRange, type ReportFilter } from "./filters";
import type { ReportColumn, ReportTable } from "./table";
import { trendWindow, type TrendPeriod } from "./trend-periods";

const utc = (instant: Date) => Prisma.sql`(${instant}::timestamptz AT TIME ZONE 'UTC')`;

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
 *   stage from one that is not WON) falls in the period, whenever they were created; signedTax: the
 *   sum of their signedAnnualTax (万元);
 * - …LastYear: the same figures for the same ISO week number / the same month a year earlier, or
 *   null when that period holds none of the three events (or does not exist: week 53).
 */
export async function trendReport(db: Database, viewer: Viewer | null, filter: ReportFilter, now = new Date()): Promise<ReportTable[]> {
  assertRole(viewer, WORKSPACE_ROLES, "read the trend report");
  const period: TrendPeriod = filter.period;
  const window = trendWindow(resolveRange(filter, now), period);
  // Read first, so the planner sees the keys themselves and serves signings from StageChange (toKey, changedAt).
  const won = (await db.stage.findMany({ where: { category: "WON" }, select: { key: true } })).map((stage) => stage.key);
  const unit = period === "week" ? Prisma.sql`'week'` : Prisma.sql`'month'`;
  const events = eventsSql({
    scope: reportLeadsSql(filter, viewer, "l"),
    everyLead: coversEveryLead(filter, viewer),
    won,
    windows: [[window.from, window.to], [window.previousFrom, window.previousTo]],
  });
  const rows = await db.$queryRaw<TrendRow[]>`
    WITH periods AS (${periodsSql(period, window)}),
    events AS (
      SELECT date_trunc(${unit}, ("hour" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date AS "start",
        sum("inquiries")::int AS "inquiries", sum("leads")::int AS "leads", sum("signed")::int AS "signed", COALESCE(sum("tax"), 0)::float8 AS "tax"
      FROM (${events}) e
      GROUP BY 1
    )
    SELECT p."label" AS "period", to_char(p."start", 'YYYY-MM-DD') AS "start", to_char(p."end", 'YYYY-MM-DD') AS "end",
      COALESCE(e."inquiries", 0) AS "inquiries", COALESCE(e."leads", 0) AS "leads", COALESCE(e."signed", 0) AS "signed",
      COALESCE(e."tax", 0) AS "signedTax",
      pe."inquiries" AS "inquiriesLastYear", pe."leads" AS "leadsLastYear", pe."signed" AS "signedLastYear", pe."tax" AS "signedTaxLastYear"
    FROM periods p
    LEFT JOIN events e ON e."start" = p."start"
    LEFT JOIN events pe ON pe."start" = p."previousStart"
    ORDER BY p."start"`;
  return [{ key: "reportsConversion.tables.trend", columns: trendColumns, rows: rows.map((row) => ({ ...row })) }];
}

/**
 * The events (inquiries, new leads, signings) counted per UTC hour, read once per window so each read
 * is one index range (an OR of two ranges would read the whole index). Hours, not rows, then go
 * through the time-zone conversion: Asia/Shanghai is a whole number of hours from UTC, so every hour
 * falls inside one Shanghai day, week and month.
 */
function eventsSql({ scope, everyLead, won, windows }: { scope: Prisma.Sql; everyLead: boolean; won: string[]; windows: [Date, Date][] }): Prisma.Sql {
  const hour = (column: Prisma.Sql) => Prisma.sql`date_trunc('hour', ${column})`;
  const between = (column: Prisma.Sql, [from, to]: [Date, Date]) => Prisma.sql`${column} >= ${utc(from)} AND ${column} < ${utc(to)}`;
  const [inquiryAt, createdAt, changedAt] = [Prisma.sql`i."createdAt"`, Prisma.sql`l."createdAt"`, Prisma.sql`sc."changedAt"`];
  const wonKeys = Prisma.sql`${won}::text[]`;
  const entersWon = (alias: string) => {
    const [to, from] = [Prisma.raw(`${alias}."toKey"`), Prisma.raw(`${alias}."fromKey"`)];
    return Prisma.sql`${to} = ANY(${wonKeys}) AND (${from} IS NULL OR NOT ${from} = ANY(${wonKeys}))`;
  };
  const reads = windows.flatMap((window) => [
    Prisma.sql`SELECT ${hour(inquiryAt)} AS "hour", count(*) AS "inquiries", 0 AS "leads", 0 AS "signed", NULL::numeric AS "tax"
      FROM "Inquiry" i ${everyLead ? Prisma.empty : Prisma.sql`JOIN "Lead" l ON l."id" = i."leadId" AND ${scope}`}
      WHERE ${between(inquiryAt, window)} GROUP BY 1`,
    Prisma.sql`SELECT ${hour(createdAt)}, 0, count(*), 0, NULL FROM "Lead" l WHERE ${scope} AND ${between(createdAt, window)} GROUP BY 1`,
    // The lead's latest entry into a WON stage, and the lead still WON now.
    Prisma.sql`SELECT ${hour(changedAt)}, 0, 0, count(*), sum(l."signedAnnualTax")
      FROM "StageChange" sc JOIN "Lead" l ON l."id" = sc."leadId"
      WHERE ${between(changedAt, window)} AND ${entersWon("sc")} AND ${scope} AND l."stageKey" = ANY(${wonKeys})
        AND NOT EXISTS (
          SELECT 1 FROM "StageChange" later
          WHERE later."leadId" = sc."leadId" AND (later."changedAt", later."id") > (sc."changedAt", sc."id") AND ${entersWon("later")})
      GROUP BY 1`,
  ]);
  return Prisma.join(reads, " UNION ALL ");
}

/** The periods with their label, last day and the start of the same period a year earlier (null for an ISO week 53 without one). */
function periodsSql(period: TrendPeriod, window: { firstDay: string; lastDay: string }): Prisma.Sql {
  const series = (step: string) => Prisma.sql`generate_series(${window.firstDay}::date::timestamp, ${window.lastDay}::date::timestamp, ${step}::interval) p`;
  if (period === "month") {
    return Prisma.sql`SELECT p::date AS "start", (p + interval '1 month' - interval '1 day')::date AS "end", to_char(p, 'YYYY-MM') AS "label",
        (p - interval '1 year')::date AS "previousStart"
      FROM ${series("1 month")}`;
  }
  return Prisma.sql`SELECT p::date AS "start", (p + interval '6 days')::date AS "end",
      to_char(p, 'IYYY-"W"IW · MM-DD') || to_char(p + interval '6 days', '–MM-DD') AS "label",
      (SELECT w FROM (SELECT to_date((extract(isoyear FROM p)::int - 1)::text || '-' || extract(week FROM p)::int::text, 'IYYY-IW') AS w) y
        WHERE extract(week FROM w) = extract(week FROM p)) AS "previousStart"
    FROM ${series("1 week")}`;
}
