import { SHANGHAI_OFFSET_MS } from "./shanghai-time";

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A first-response deadline in plain words, on the Shanghai wall clock whatever the server's zone:
 * "工作日 4 小时内，即 12 月 8 日 11:00 前" / "within 4 working hours, by 11:00 on 8 December".
 * `hours` is the promise in working hours; without it only the moment is said.
 */
export function deadlineWords(due: Date, locale: "zh-CN" | "en", hours?: number): string {
  const wall = new Date(due.getTime() + SHANGHAI_OFFSET_MS);
  const month = wall.getUTCMonth();
  const day = wall.getUTCDate();
  const clock = wall.toISOString().slice(11, 16);
  if (locale === "en") {
    const by = `by ${clock} on ${day} ${MONTHS_EN[month]}`;
    return hours ? `within ${hours} working hours, ${by}` : by;
  }
  const by = `${month + 1} 月 ${day} 日 ${clock} 前`;
  return hours ? `工作日 ${hours} 小时内，即 ${by}` : by;
}
