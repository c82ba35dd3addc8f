import { shanghaiDayStart } from "../../calendar/shanghai-time";
import type { ReportRange } from "../filters";

/*
 * The trend's calendar: the range widened to whole periods (ISO weeks from Monday, or calendar
 * months, Asia/Shanghai), so every period is complete and compares with the same period a year
 * earlier. Pure date arithmetic on calendar days; the grouping itself happens in SQL.
 */

export type TrendPeriod = "week" | "month";

export interface TrendWindow {
  /** first day of the first period */
  firstDay: string;
  /** first day of the last period */
  lastDay: string;
  /** the instants of the widened range: [from, to) */
  from: Date;
  to: Date;
  /**
   * Instants that surely hold every period of the previous year: the same ISO week a year earlier
   * starts 364 or 371 days before, the same month 365 or 366 days before. SQL picks the exact periods.
   * It ends where [from, to) begins, so a range longer than a year never counts an event twice.
   */
  previousFrom: Date;
  previousTo: Date;
}

const DAY = 86_400_000;

function dayOf(text: string): Date {
  return new Date(`${text}T00:00:00Z`);
}

function textOf(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** The period's first day containing `day` (a Monday, or the 1st of the month). */
export function periodStart(day: string, period: TrendPeriod): string {
  const date = dayOf(day);
  if (period === "month") return textOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)));
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return textOf(new Date(date.getTime() - sinceMonday * DAY));
}

/** The first day of the period after the one starting on `start`. */
export function nextPeriodStart(start: string, period: TrendPeriod): string {
  const date = dayOf(start);
  if (period === "week") return textOf(new Date(date.getTime() + 7 * DAY));
  return textOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
}

export function trendWindow(range: Pick<ReportRange, "fromDay" | "toDay">, period: TrendPeriod): TrendWindow {
  const firstDay = periodStart(range.fromDay, period);
  const lastDay = periodStart(range.toDay, period);
  const from = shanghaiDayStart(firstDay);
  const to = shanghaiDayStart(nextPeriodStart(lastDay, period));
  return {
    firstDay,
    lastDay,
    from,
    to,
    previousFrom: new Date(from.getTime() - 371 * DAY),
    previousTo: new Date(Math.min(to.getTime() - 364 * DAY, from.getTime())),
  };
}
