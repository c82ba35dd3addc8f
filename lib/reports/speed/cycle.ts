import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { ReportRange } from "../filters";
import { histogramPercentiles, tallyRows } from "../tallies/tallies";

/*
 * Cycle time to signing: the leads now in a won stage whose signing (Lead.signedAt, the latest entry
 * into a won stage from one that is not) lies in the range, wherever their creation lies, and the
 * days from Lead.createdAt (the first inquiry) to it. A lead signed twice counts once, by its last
 * signing; a signing recorded before creation (a merge can carry one over) counts as 0 days. Average
 * over exact seconds; median over whole minutes rounded up. Read from the signed tallies.
 */

export interface CycleFigures {
  signed: number;
  average: number | null;
  median: number | null;
}

export async function cycleFigures(db: Database, scope: Prisma.Sql, range: ReportRange): Promise<CycleFigures> {
  const [figures] = await db.$queryRaw<CycleFigures[]>`
    WITH signings AS (
      SELECT t."minutes", sum(t."leads")::int AS n, sum(t."seconds") AS seconds
      FROM ${tallyRows("signed", [range])} t
      WHERE ${scope}
      GROUP BY 1
      HAVING sum(t."leads") > 0
    ), medians AS (
      ${histogramPercentiles(Prisma.sql`SELECT '' AS "group", "minutes" AS "value", n AS "count" FROM signings`, [0.5])}
    )
    SELECT COALESCE(sum(n), 0)::int AS signed, (sum(seconds) / NULLIF(sum(n), 0) / 86400)::float8 AS average,
      (SELECT percentiles[1] / 1440 FROM medians) AS median
    FROM signings`;
  return figures;
}
