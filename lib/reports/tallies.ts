import "server-only";
import { Prisma } from "../db/generated/client";
import type { Database } from "../db/client";
import { addDays, tallySpans } from "./tally-spans";

/*
 * The reports read running totals (model ReportTally) rather than a million leads. Database triggers
 * on Lead and Inquiry keep them in the same transaction as every change, at two grains: a range reads
 * whole months from the month rows and the days at either end from the day rows, so a year is a few
 * thousand rows whatever the number of leads. See the migration *_report_tallies for what each lead
 * and inquiry adds.
 */

export type TallyEvent = "created" | "signed" | "inquiry";

/** Rebuilds every tally, and how far each lead got, by the stage order of now (a reorder changes "further"). */
export async function recountReportTallies(tx: Database | Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT report_recount()`;
}

/** The tally rows of `event` over the given day ranges (or all of time), as a subquery; one index range each. */
export function tallyRows(event: TallyEvent, ranges: { fromDay: string; toDay: string }[] | "all", only?: "day"): Prisma.Sql {
  if (ranges === "all") return Prisma.sql`(SELECT * FROM "ReportTally" WHERE "event" = ${event} AND "grain" = 'month')`;
  const reads = ranges
    // Weeks cut across months, so a weekly trend reads day rows only.
    .flatMap((range) => (only === "day" ? [{ grain: "day" as const, from: range.fromDay, until: addDays(range.toDay, 1) }] : tallySpans(range.fromDay, range.toDay)))
    .map(
      (span) => Prisma.sql`SELECT * FROM "ReportTally" WHERE "event" = ${event} AND "grain" = ${span.grain}
        AND "period" >= ${span.from}::date AND "period" < ${span.until}::date`,
    );
  return Prisma.sql`(${Prisma.join(reads, " UNION ALL ")})`;
}
