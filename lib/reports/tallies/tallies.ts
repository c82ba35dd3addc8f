import "server-only";
import { Prisma } from "../../db/generated/client";
import type { Database } from "../../db/client";
import { addDays, tallySpans } from "./spans";

/*
 * The reports read running totals (model ReportTally) rather than a million leads. Database triggers
 * on Lead and Inquiry keep them in the same transaction as every change, at two grains: a range reads
 * whole months from the month rows and the days at either end from the day rows, so a year is a few
 * thousand rows whatever the number of leads. See the migration *_report_tallies for what each lead
 * and inquiry adds.
 */

export type TallyEvent = "created" | "signed" | "inquiry" | "response" | "stay";

/**
 * Moves what the triggers appended (ReportTallyDelta) into the tallies, so reads stay a few thousand
 * rows; reads count both, so a report is exact whether or not this ran. Run before a report reads.
 */
export async function foldReportTallies(db: Database): Promise<void> {
  await db.$executeRaw`SELECT report_tally_fold()`;
}

/** Rebuilds every tally, and how far each lead got, by the stage order of now (a reorder changes "further"). */
export async function recountReportTallies(tx: Database | Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT report_recount()`;
}

const COLUMNS = Prisma.raw(
  [
    "event",
    "grain",
    "period",
    "ownerId",
    "parkId",
    "needKind",
    "source",
    "listingId",
    "industry",
    "medium",
    "referrerHost",
    "stageKey",
    "reachedKey",
    "archived",
    "minutes",
    "inDay",
    "leads",
    "inquiries",
    "signedTax",
    "expectedTax",
    "investment",
    "areaSqm",
    "areaMu",
    "seconds",
  ]
    .map((column) => `"${column}"`)
    .join(", "),
);

/**
 * The tally rows of `event` over the given day ranges (or all of time), with the deltas not folded in
 * yet, as a subquery to sum over; one index range each.
 */
export function tallyRows(
  event: TallyEvent,
  ranges: { fromDay: string; toDay: string }[] | "all",
  only?: "day",
): Prisma.Sql {
  const read = (where: Prisma.Sql) =>
    Prisma.sql`SELECT ${COLUMNS} FROM "ReportTally" WHERE ${where} UNION ALL SELECT ${COLUMNS} FROM "ReportTallyDelta"
      WHERE ${where}`;
  if (ranges === "all") return Prisma.sql`(${read(Prisma.sql`"event" = ${event} AND "grain" = 'month'`)})`;
  const reads = ranges
    // Weeks cut across months, so a weekly trend reads day rows only.
    .flatMap((range) =>
      only === "day"
        ? [{ grain: "day" as const, from: range.fromDay, until: addDays(range.toDay, 1) }]
        : tallySpans(range.fromDay, range.toDay),
    )
    .map((span) =>
      read(
        Prisma.sql`"event" = ${event} AND "grain" = ${span.grain} AND "period" >= ${span.from}::date
          AND "period" < ${span.until}::date`,
      ),
    );
  return Prisma.sql`(${Prisma.join(reads, " UNION ALL ")})`;
}

/**
 * percentile_cont of each fraction over a histogram, in the database: `histogram` yields ("group",
 * "value", "count") with counts above zero; the result yields ("group", "percentiles" float8[]). Between
 * two neighbouring values it interpolates as percentile_cont does over the values spelled out.
 */
export function histogramPercentiles(histogram: Prisma.Sql, fractions: number[]): Prisma.Sql {
  const rank = (round: "floor" | "ceil") => Prisma.sql`(
    SELECT c."value" FROM counted c
    WHERE c."group" = g."group" AND c."before" <= ${Prisma.raw(round)}(f.fraction * (g.total - 1))
      AND ${Prisma.raw(round)}(f.fraction * (g.total - 1)) < c."before" + c."count")`;
  return Prisma.sql`
    WITH counted AS (
      SELECT "group", "value"::float8 AS "value", "count",
        sum("count") OVER (PARTITION BY "group" ORDER BY "value") - "count" AS "before",
        sum("count") OVER (PARTITION BY "group") AS total
      FROM (${histogram}) h
    ), "groups" AS (SELECT DISTINCT "group", total FROM counted)
    SELECT g."group", array_agg(
        ${rank("floor")}
          + (f.fraction * (g.total - 1) - floor(f.fraction * (g.total - 1))) * (${rank("ceil")} - ${rank("floor")})
        ORDER BY f.position
      ) AS percentiles
    FROM "groups" g CROSS JOIN unnest(${fractions}::float8[]) WITH ORDINALITY AS f(fraction, position)
    GROUP BY g."group"`;
}
