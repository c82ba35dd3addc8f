/*
 * The workspace reads and types times in Asia/Shanghai, whatever zone the server or browser runs
 * in. China keeps UTC+8 all year (no daylight saving), so a fixed offset is exact.
 */

export const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY = 86_400_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-11-27T10:00" from a datetime-local input, read as Shanghai time; null when it is not a real moment. */
export function parseShanghaiLocal(value: string): Date | null {
  const match = LOCAL.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET_MS);
  // Date.UTC rolls 2026-02-30 over into March: a rolled-over value was never a real date.
  const back = new Date(date.getTime() + SHANGHAI_OFFSET_MS);
  const real =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute;
  return real && year >= 2000 && year <= 2100 ? date : null;
}

/** The value a datetime-local input shows for a moment, in Shanghai time ("2026-11-27T10:00"). */
export function toShanghaiLocal(date: Date): string {
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}

/** The Shanghai calendar day of a moment ("2026-11-27"). */
export function shanghaiDay(date: Date): string {
  return toShanghaiLocal(date).slice(0, 10);
}

/** Midnight that begins a Shanghai calendar day ("2026-11-27"). */
export function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The Shanghai calendar date of a moment, as numbers (month 1–12). */
export function shanghaiDate(moment: Date): { year: number; month: number; day: number } {
  const local = new Date(moment.getTime() + SHANGHAI_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** The instants that begin and end the Shanghai calendar day holding `moment`: [start, end). */
export function shanghaiDayBounds(moment: Date): { start: Date; end: Date } {
  const start = Math.floor((moment.getTime() + SHANGHAI_OFFSET_MS) / DAY) * DAY - SHANGHAI_OFFSET_MS;
  return { start: new Date(start), end: new Date(start + DAY) };
}
