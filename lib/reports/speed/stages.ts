import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { ReportRange } from "../filters";
import { histogramPercentiles, tallyRows } from "../tallies/tallies";

/*
 * Time spent in each stage by the leads created in the range (the cohort). A stay begins when a lead
 * enters a stage and ends when it moves on (Lead.stayStageKeys and staySeconds, kept by the database
 * as the lead moves); only completed stays count, as a stage a lead still occupies has no length yet.
 * A merge adds the merged lead's completed stays to the survivor's. Average over exact seconds; median
 * over whole minutes rounded up; both in days. Read from the stay tallies (lib/reports/tallies).
 */

export interface StageStay {
  key: string;
  name: string;
  nameEn: string;
  stays: number;
  average: number | null;
  median: number | null;
}

export function stageStays(db: Database, scope: Prisma.Sql, range: ReportRange): Promise<StageStay[]> {
  return db.$queryRaw<StageStay[]>`
    WITH stays AS (
      SELECT t."stageKey", t."minutes", sum(t."leads")::int AS n, sum(t."seconds") AS seconds
      FROM ${tallyRows("stay", [range])} t
      WHERE ${scope}
      GROUP BY 1, 2
      HAVING sum(t."leads") > 0
    ), figures AS (
      SELECT "stageKey", sum(n)::int AS stays, (sum(seconds) / sum(n) / 86400)::float8 AS average FROM stays GROUP BY 1
    ), medians AS (
      ${histogramPercentiles(
        Prisma.sql`SELECT "stageKey" AS "group", "minutes" AS "value", n AS "count" FROM stays`,
        [0.5],
      )}
    )
    SELECT st."key", st."name", st."nameEn", COALESCE(y.stays, 0) AS stays, y.average, m.percentiles[1] / 1440 AS median
    FROM "Stage" st LEFT JOIN figures y ON y."stageKey" = st."key" LEFT JOIN medians m ON m."group" = st."key"
    -- won and lost stages are usually where a lead stays; list them only when some lead left them
    WHERE st."category" = 'OPEN' OR y.stays > 0
    ORDER BY st."position", st."key"`;
}
