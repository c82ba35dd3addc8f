import "server-only";
import { Prisma } from "../db/generated/client";
import type { Database } from "../db/client";

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

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (day: string) => {
  const date = new Date(Date.parse(`${monthStart(day)}T00:00:00Z`));
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
};

/** The Asia/Shanghai days [fromDay, toDay] as month rows for whole months and day rows for the rest. */
export function tallySpans(fromDay: string, toDay: string): { grain: "day" | "month"; from: string; until: string }[] {
  const firstWhole = fromDay === monthStart(fromDay) ? fromDay : nextMonth(fromDay);
  const afterLast = addDays(toDay, 1);
  const endWhole = afterLast === monthStart(afterLast) ? afterLast : monthStart(toDay);
  if (firstWhole >= endWhole) return [{ grain: "day", from: fromDay, until: afterLast }];
  return [
    ...(fromDay < firstWhole ? [{ grain: "day" as const, from: fromDay, until: firstWhole }] : []),
    { grain: "month" as const, from: firstWhole, until: endWhole },
    ...(endWhole < afterLast ? [{ grain: "day" as const, from: endWhole, until: afterLast }] : []),
  ];
}

/** The Shanghai day of an instant, and of the last instant before `to`. */
export function shanghaiDays(from: Date, to: Date): { fromDay: string; toDay: string } {
  const day = (instant: number) => new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);
  return { fromDay: day(from.getTime()), toDay: day(to.getTime() - 1) };
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
