import "server-only";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { WorkingCalendar } from "../leads/working-hours";
import type { ReportRange } from "./filters";
import { responseCalendar } from "./speed-calendar";

/*
 * Time to first response of the leads created in the range (the cohort), overall and by owner.
 * Arrival is Lead.createdAt (its first inquiry); the response is Lead.firstRespondedAt (the first
 * call, note, visit, email or stage move by a person). Hours are elapsed hours; a response recorded
 * before arrival (a merge can carry one over) counts as 0. A lead not answered by `now` stays in every
 * share's denominator as not answered, and out of the median and p90.
 * "Within 1 working day" compares the response with the deadline of lib/reports/speed-calendar,
 * worked out per lead by joining the small calendar of the range's days (one row a day).
 */

export interface ResponseFigures {
  /** null on the overall row */
  ownerId: string | null;
  overall: boolean;
  owner: string | null;
  leads: number;
  answered: number;
  median: number | null;
  p90: number | null;
  withinHour: number | null;
  withinDay: number | null;
}

/**
 * A UTC instant column as Shanghai wall-clock time. Shanghai has kept UTC+8 without daylight saving
 * since 1991 (as lib/leads/working-hours notes), so adding 8 hours is exact, and on a year of leads
 * it costs a fraction of two AT TIME ZONE conversions per value.
 */
const wall = (column: Prisma.Sql) => Prisma.sql`(${column} + interval '8 hours')`;

export async function responseFigures(
  db: Database,
  leads: Prisma.Sql,
  range: ReportRange,
  calendar: WorkingCalendar,
  now: Date,
): Promise<ResponseFigures[]> {
  const days = JSON.stringify(responseCalendar(calendar, range.fromDay, range.toDay));
  const arrived = wall(Prisma.sql`l."createdAt"`);
  const rows = await db.$queryRaw<(Omit<ResponseFigures, "median" | "p90"> & { percentiles: number[] | null })[]>`
    WITH calendar AS (
      SELECT * FROM json_to_recordset(${days}::json) AS c("day" date, "working" boolean, "next1" date, "next2" date)
    ), cohort AS (
      SELECT l."ownerId",
        l."firstRespondedAt" IS NOT NULL AND l."firstRespondedAt" <= (${now}::timestamptz AT TIME ZONE 'UTC') AS answered,
        GREATEST(EXTRACT(EPOCH FROM l."firstRespondedAt" - l."createdAt"), 0)::float8 / 3600 AS hours,
        ${wall(Prisma.sql`l."firstRespondedAt"`)} <= CASE
          WHEN c."working" AND ${arrived}::time < ${calendar.start}::time THEN c."next1" + ${calendar.start}::time
          WHEN c."working" AND ${arrived}::time < ${calendar.end}::time THEN c."next1" + ${arrived}::time
          ELSE c."next2" + ${calendar.start}::time
        END AS "inDay"
      FROM "Lead" l JOIN calendar c ON c."day" = ${arrived}::date
      WHERE l."createdAt" >= (${range.from}::timestamptz AT TIME ZONE 'UTC')
        AND l."createdAt" < (${range.to}::timestamptz AT TIME ZONE 'UTC')
        AND ${leads}
    ), figures AS (
      SELECT GROUPING("ownerId") = 1 AS overall, "ownerId",
        count(*)::int AS leads,
        count(*) FILTER (WHERE answered)::int AS answered,
        -- one ordered-set aggregate for both fractions: one sort per group instead of two
        percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY hours) FILTER (WHERE answered) AS percentiles,
        count(*) FILTER (WHERE answered AND hours <= 1)::float8 / NULLIF(count(*), 0) AS "withinHour",
        count(*) FILTER (WHERE answered AND "inDay")::float8 / NULLIF(count(*), 0) AS "withinDay"
      FROM cohort
      GROUP BY GROUPING SETS ((), ("ownerId"))
    )
    SELECT f.*, u."name" AS owner
    FROM figures f LEFT JOIN "User" u ON u."id" = f."ownerId"
    ORDER BY f.overall DESC, f."ownerId" IS NULL, u."name", f."ownerId"`;
  return rows
    .filter((row) => row.leads > 0)
    .map(({ percentiles, ...row }) => ({ ...row, median: percentiles?.[0] ?? null, p90: percentiles?.[1] ?? null }));
}
