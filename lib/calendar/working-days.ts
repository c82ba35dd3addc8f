import { addWorkingHours, type WorkingCalendar } from "./working-hours";

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The moment `days` working days after `start`, each a full working day's hours (end − start) as
 * ./working-hours counts them: a PIPL request made on Monday 10:00 is due, 15 working days on, at
 * 10:00 three weeks later, holidays and weekends not counted and make-up days (调休) counted.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar): Date {
  const hoursPerDay = (minutesOf(calendar.end) - minutesOf(calendar.start)) / 60;
  return addWorkingHours(start, days * hoursPerDay, calendar);
}
