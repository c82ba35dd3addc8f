import { shanghaiDay } from "../../calendar/shanghai-time";

/*
 * Which tally rows cover a range of days: month rows for the whole months, day rows for the rest
 * (see lib/reports/tallies). Pure, so the cuts at month ends are unit-tested.
 */

export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
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
  return { fromDay: shanghaiDay(from), toDay: shanghaiDay(new Date(to.getTime() - 1)) };
}
