/*
 * Working-hours arithmetic for first-response deadlines, in Asia/Shanghai whatever the server's
 * zone. Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact and
 * cheaper than Intl on the inquiry path. Pure: the settings come in as an argument.
 */
import { SHANGHAI_OFFSET_MS as SHANGHAI_OFFSET } from "./shanghai-time";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 86_400_000;
/** A calendar with no working time for ten years is a misconfiguration, not a long wait. */
export const MAX_CALENDAR_DAYS = 3660;

export interface WorkingCalendar {
  /** ISO weekdays that are working days: 1 Monday … 7 Sunday */
  days: readonly number[];
  /** "HH:MM" */
  start: string;
  end: string;
  /** YYYY-MM-DD days off although their weekday works */
  holidays: readonly string[];
  /** YYYY-MM-DD days that work although their weekday is off (调休) */
  workdays: readonly string[];
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Midnight of a Shanghai day, as milliseconds on the Shanghai wall clock (UTC arithmetic). */
const wallDayStart = (wall: number) => Math.floor(wall / DAY) * DAY;

/** Whether a Shanghai day (YYYY-MM-DD) works: a make-up day (调休) always, a holiday never, else by its weekday. */
export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  if (calendar.workdays.includes(day)) return true;
  if (calendar.holidays.includes(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return calendar.days.includes(weekday === 0 ? 7 : weekday);
}

/** The working window of each Shanghai day from the one holding `from` on, as wall-clock [open, close). */
function* workingWindows(from: number, calendar: WorkingCalendar): Generator<[number, number]> {
  const open = minutesOf(calendar.start) * MINUTE;
  const close = minutesOf(calendar.end) * MINUTE;
  let midnight = wallDayStart(from);
  for (let day = 0; day < MAX_CALENDAR_DAYS; day++, midnight += DAY) {
    if (isWorkingDay(new Date(midnight).toISOString().slice(0, 10), calendar))
      yield [midnight + open, midnight + close];
  }
  throw new Error("No working time in the next ten years: check the working days and holidays");
}

/**
 * The moment `hours` working hours after `start`. Time outside working hours does not count: an
 * inquiry at night, on a weekend or on a holiday starts counting at the next opening, and what is
 * left at closing time carries over to the next working day.
 */
export function addWorkingHours(start: Date, hours: number, calendar: WorkingCalendar): Date {
  if (!(hours > 0)) return new Date(start);
  const from = start.getTime() + SHANGHAI_OFFSET;
  let remaining = Math.round(hours * HOUR);
  for (const [open, close] of workingWindows(from, calendar)) {
    const begin = Math.max(open, from);
    if (begin >= close) continue;
    if (remaining <= close - begin) return new Date(begin + remaining - SHANGHAI_OFFSET);
    remaining -= close - begin;
  }
  throw new Error("unreachable");
}

/**
 * The moment `days` working days after `start`, each a full working day's hours (end − start) as
 * ./working-hours counts them: a PIPL request made on Monday 10:00 is due, 15 working days on, at
 * 10:00 three weeks later, holidays and weekends not counted and make-up days (调休) counted.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar): Date {
  const hoursPerDay = (minutesOf(calendar.end) - minutesOf(calendar.start)) / 60;
  return addWorkingHours(start, days * hoursPerDay, calendar);
}

/** Working hours from `a` to `b` (negative when b is before a), e.g. how late a response is. */
export function workingHoursBetween(a: Date, b: Date, calendar: WorkingCalendar): number {
  if (b.getTime() < a.getTime()) return -workingHoursBetween(b, a, calendar);
  const from = a.getTime() + SHANGHAI_OFFSET;
  const to = b.getTime() + SHANGHAI_OFFSET;
  let total = 0;
  for (const [open, close] of workingWindows(from, calendar)) {
    if (open >= to) break;
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return total / HOUR;
}
