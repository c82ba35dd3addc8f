import "server-only";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { ReportRange } from "./filters";

/*
 * Cycle time to signing: the leads whose latest entry into a won stage (as of `now`) lies in the
 * range, wherever their creation lies, and the elapsed days from Lead.createdAt (the first inquiry)
 * to that entry. A lead signed twice (reopened, signed again) counts once, by its last signing; a
 * signing recorded before creation (a merge can carry one over) counts as 0 days.
 */

export interface CycleFigures {
  signed: number;
  average: number | null;
  median: number | null;
}

export async function cycleFigures(db: Database, leads: Prisma.Sql, range: ReportRange, now: Date): Promise<CycleFigures> {
  const instant = (value: Date) => Prisma.sql`(${value}::timestamptz AT TIME ZONE 'UTC')`;
  // The won keys as values, not a subquery, so the planner sees how few signings there are and reads them by index.
  const keys = (await db.stage.findMany({ where: { category: "WON" }, select: { key: true } })).map((stage) => stage.key);
  if (keys.length === 0) return { signed: 0, average: null, median: null };
  const won = Prisma.sql`(${Prisma.join(keys)})`;
  const [figures] = await db.$queryRaw<CycleFigures[]>`
    SELECT count(*)::int AS signed, avg(days) AS average, percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median
    FROM (
      SELECT GREATEST(EXTRACT(EPOCH FROM max(s."changedAt") - l."createdAt"), 0)::float8 / 86400 AS days
      FROM "StageChange" s JOIN "Lead" l ON l."id" = s."leadId"
      WHERE s."toKey" IN ${won}
        AND s."changedAt" >= ${instant(range.from)} AND s."changedAt" < ${instant(range.to)} AND s."changedAt" <= ${instant(now)}
        AND ${leads}
        AND NOT EXISTS (
          SELECT 1 FROM "StageChange" later
          WHERE later."leadId" = s."leadId" AND later."toKey" IN ${won}
            AND later."changedAt" >= ${instant(range.to)} AND later."changedAt" <= ${instant(now)}
        )
      GROUP BY l."id"
    ) signings`;
  return figures;
}
