import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { ReportRange } from "../filters";
import { histogramPercentiles, tallyRows } from "../tallies/tallies";

/*
 * Time to first response of the leads created in the range (the cohort), overall and by owner.
 * Arrival is Lead.createdAt (its first inquiry); the response is Lead.firstRespondedAt (the first
 * call, note, visit, email or stage move by a person), in whole minutes rounded up, so "within 1 hour"
 * is exact; a response recorded before arrival (a merge can carry one over) counts as 0. A lead not
 * answered yet stays in every share's denominator as not answered, and out of the median and p90.
 * "Within 1 working day" compares the response with Lead.dayResponseDueAt, the deadline of
 * lib/calendar/response-deadline under the working hours in force when the lead arrived. Read from the
 * response tallies (lib/reports/tallies).
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

/** The overall row's group: no user id is a single character. */
const OVERALL = "*";

export async function responseFigures(db: Database, scope: Prisma.Sql, range: ReportRange): Promise<ResponseFigures[]> {
  const rows = await db.$queryRaw<(Omit<ResponseFigures, "median" | "p90"> & { percentiles: number[] | null })[]>`
    WITH cohort AS (
      SELECT t."ownerId", t."minutes", t."inDay", sum(t."leads")::int AS n
      FROM ${tallyRows("response", [range])} t
      WHERE ${scope}
      GROUP BY 1, 2, 3
      HAVING sum(t."leads") > 0
    ), "grouped" AS (
      SELECT ${OVERALL}::text AS "group", "minutes", "inDay", n FROM cohort
      UNION ALL SELECT "ownerId", "minutes", "inDay", n FROM cohort
    ), figures AS (
      SELECT "group", sum(n)::int AS leads,
        COALESCE(sum(n) FILTER (WHERE "minutes" >= 0), 0)::int AS answered,
        COALESCE(sum(n) FILTER (WHERE "minutes" BETWEEN 0 AND 60), 0)::float8 / sum(n) AS "withinHour",
        COALESCE(sum(n) FILTER (WHERE "minutes" >= 0 AND "inDay"), 0)::float8 / sum(n) AS "withinDay"
      FROM "grouped" GROUP BY 1
    ), percentiles AS (
      ${histogramPercentiles(
        Prisma.sql`SELECT "group", "minutes" AS "value", sum(n) AS "count" FROM "grouped" WHERE "minutes" >= 0
          GROUP BY 1, 2`,
        [0.5, 0.9],
      )}
    )
    SELECT f."group" = ${OVERALL} AS overall,
      CASE WHEN f."group" <> ${OVERALL} THEN NULLIF(f."group", '') END AS "ownerId", u."name" AS owner,
      f.leads, f.answered, f."withinHour", f."withinDay", p.percentiles
    FROM figures f LEFT JOIN percentiles p ON p."group" = f."group" LEFT JOIN "User" u ON u."id" = f."group"
    ORDER BY f."group" = ${OVERALL} DESC, f."group" = '', u."name", f."group"`;
  // The tallies count minutes; the report speaks in hours.
  return rows.map(({ percentiles, ...row }) => ({
    ...row,
    median: percentiles?.[0] == null ? null : percentiles[0] / 60,
    p90: percentiles?.[1] == null ? null : percentiles[1] / 60,
  }));
}
