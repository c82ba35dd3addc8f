import { SHANGHAI_OFFSET_MS } from "./shanghai-time";
import { isWorkingDay, MAX_CALENDAR_DAYS, type WorkingCalendar } from "./working-hours";

/*
 * "Answered within one working day" means: within one working day's worth of working hours
 * (end − start, 9 h by default), counted the way ./working-hours counts them — time outside
 * working hours, weekends and holidays does not run, make-up days (调休) do. Intake keeps that
 * deadline on each lead (dayResponseDeadline below, from the next working days of its arrival day),
 * so the report compares it with the first response in the database.
 *
 * For an arrival on day D at wall-clock time t the deadline (the last moment at which no more than a
 * working day has run) is:
 *   - D works and t is before opening:      the next working day after D, at opening;
 *   - D works and t is within working hours: the next working day after D, at t;
 *   - otherwise (after closing, day off):    the second working day after D, at opening,
 * because from an opening a full working day has run at closing and nothing more runs until the next
 * opening. So Friday 17:30 is due Monday 17:30, Monday 20:00 Wednesday 09:00, a holiday two openings on.
 */

export interface CalendarDay {
  /** YYYY-MM-DD, Asia/Shanghai */
  day: string;
  working: boolean;
  /** the first working day after `day` */
  next1: string;
  /** the first working day after `next1` */
  next2: string;
}

const DAY = 86_400_000;

const dayText = (time: number) => new Date(time).toISOString().slice(0, 10);
const dayTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** One row per day from `fromDay` to `toDay` (inclusive), with the next two working days of each. */
export function responseCalendar(calendar: WorkingCalendar, fromDay: string, toDay: string): CalendarDay[] {
  const first = dayTime(fromDay);
  const last = dayTime(toDay);
  if (!(first <= last)) throw new Error(`responseCalendar: ${fromDay} is after ${toDay}`);
  // Working days from fromDay on, until two lie beyond toDay.
  const working: number[] = [];
  let beyond = 0;
  for (let time = first, steps = 0; beyond < 2; time += DAY, steps += 1) {
    if (steps > (last - first) / DAY + MAX_CALENDAR_DAYS)
      throw new Error("No working day in ten years: check the working days and holidays");
    if (!isWorkingDay(dayText(time), calendar)) continue;
    working.push(time);
    if (time > last) beyond += 1;
  }
  const workingSet = new Set(working);
  const rows: CalendarDay[] = [];
  let next = 0; // index of the first working day after `time`
  for (let time = first; time <= last; time += DAY) {
    while (working[next] <= time) next += 1;
    rows.push({
      day: dayText(time),
      working: workingSet.has(time),
      next1: dayText(working[next]),
      next2: dayText(working[next + 1]),
    });
  }
  return rows;
}

/**
 * When an answer "within one working day" is due for a lead that arrived at `arrival`, by the rule
 * above. Kept on the lead when it arrives (Lead.dayResponseDueAt), so the figure follows the calendar
 * that was in force then.
 */
export function dayResponseDeadline(arrival: Date, calendar: WorkingCalendar): Date {
  const wall = new Date(arrival.getTime() + SHANGHAI_OFFSET_MS);
  const day = wall.toISOString().slice(0, 10);
  const time = wall.toISOString().slice(11, 16);
  const [today] = responseCalendar(calendar, day, day);
  const at = (dayText: string, clock: string, seconds = "00.000") => new Date(`${dayText}T${clock}:${seconds}+08:00`);
  if (today.working && time < calendar.start) return at(today.next1, calendar.start);
  if (today.working && time < calendar.end) return at(today.next1, time, wall.toISOString().slice(17, 23));
  return at(today.next2, calendar.start);
}
