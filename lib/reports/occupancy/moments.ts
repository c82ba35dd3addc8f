import { shanghaiDay, shanghaiDayStart } from "../../calendar/shanghai-time";
import type { ReportRange } from "../filters";
import { nextPeriodStart, periodStart, type TrendPeriod } from "../trend/periods";

/*
 * The moments the occupancy report reads the units' statuses at: the end of each month of the range, or of
 * each ISO week (Monday start) when weeks are asked for or the range is a month or less (a month's range
 * would otherwise be one point). Asia/Shanghai days. A period the range cuts, or one still running, is read
 * at the range's end or now, whichever comes first; a period that has not begun yet is left out.
 */

export interface OccupancyMoment {
  /** "2026-10", or "2026-W41" */
  label: string;
  /** the last day the moment covers (Asia/Shanghai), shown as "截至" */
  day: string;
  /** the first instant after it: a unit's status at the moment is its latest change before this */
  at: Date;
}

const DAY = 86_400_000;
/** A range of up to this many days is read week by week. */
const SHORT_RANGE_DAYS = 31;

export function momentPeriod(range: Pick<ReportRange, "from" | "to">, asked: TrendPeriod): TrendPeriod {
  return asked === "week" || range.to.getTime() - range.from.getTime() <= SHORT_RANGE_DAYS * DAY ? "week" : "month";
}

function labelOf(start: string, period: TrendPeriod): string {
  if (period === "month") return start.slice(0, 7);
  // The ISO week's year is the year of its Thursday.
  const thursday = new Date(Date.parse(`${start}T00:00:00Z`) + 3 * DAY);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / DAY / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

export function occupancyMoments(range: ReportRange, period: TrendPeriod, now: Date): OccupancyMoment[] {
  const moments: OccupancyMoment[] = [];
  for (let start = periodStart(range.fromDay, period); start <= range.toDay; start = nextPeriodStart(start, period)) {
    if (shanghaiDayStart(start).getTime() > now.getTime()) break;
    const end = shanghaiDayStart(nextPeriodStart(start, period));
    const at = new Date(Math.min(end.getTime(), range.to.getTime(), now.getTime()));
    moments.push({ label: labelOf(start, period), day: shanghaiDay(new Date(at.getTime() - 1)), at });
  }
  return moments;
}
