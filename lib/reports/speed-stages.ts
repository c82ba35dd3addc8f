import "server-only";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { ReportRange } from "./filters";

/*
 * Time spent in each stage by the leads created in the range (the cohort), from their stage
 * history. A stay begins at a StageChange into the stage and ends at the lead's next StageChange,
 * provided that change leaves this stage (its fromKey is the stage the stay entered). Only completed
 * stays count: a stage a lead still occupies at `now` has no length yet, and counting it up to `now`
 * would make the figure depend on when it is read. A merge puts both leads' histories on the
 * survivor, interleaved in time; a stay whose next change does not leave its stage (the other lead's
 * history carries on there) has no known end and is left out. Days are elapsed days.
 */

export interface StageStay {
  key: string;
  name: string;
  nameEn: string;
  stays: number;
  average: number | null;
  median: number | null;
}

export function stageStays(db: Database, leads: Prisma.Sql, range: ReportRange, now: Date): Promise<StageStay[]> {
  const until = Prisma.sql`(${now}::timestamptz AT TIME ZONE 'UTC')`;
  return db.$queryRaw<StageStay[]>`
    WITH cohort AS (
      SELECT l."id" FROM "Lead" l
      WHERE l."createdAt" >= (${range.from}::timestamptz AT TIME ZONE 'UTC')
        AND l."createdAt" < (${range.to}::timestamptz AT TIME ZONE 'UTC')
        AND ${leads}
    ), history AS (
      SELECT s."toKey", s."changedAt",
        lead(s."changedAt") OVER next AS "leftAt",
        lead(s."fromKey") OVER next AS "leftFrom"
      FROM "StageChange" s JOIN cohort ON cohort."id" = s."leadId"
      WHERE s."changedAt" <= ${until}
      WINDOW next AS (PARTITION BY s."leadId" ORDER BY s."changedAt", s."id")
    ), stays AS (
      SELECT "toKey", count(*)::int AS stays, avg(days) AS average, percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median
      FROM (SELECT "toKey", EXTRACT(EPOCH FROM "leftAt" - "changedAt")::float8 / 86400 AS days FROM history WHERE "leftFrom" = "toKey") completed
      GROUP BY "toKey"
    )
    SELECT st."key", st."name", st."nameEn", COALESCE(y.stays, 0) AS stays, y.average, y.median
    FROM "Stage" st LEFT JOIN stays y ON y."toKey" = st."key"
    -- won and lost stages are usually where a lead stays; list them only when some lead left them
    WHERE st."category" = 'OPEN' OR y.stays > 0
    ORDER BY st."position", st."key"`;
}
