import { formatNumber } from "../i18n/format";
import type { Locale } from "../i18n/messages";

/*
 * Durations as people read them, the one rule for the reports' tables, charts, CSV and print: under an
 * hour in minutes, under two days in hours, else days. The unit is chosen on the figure as shown, so
 * 59 min 40 s reads "1 hour" and never "60 minutes". Minutes are whole and rounded up, as the report
 * tallies count them; hours and days carry one decimal. A chart or a CSV column shares one unit, the
 * unit of its largest figure, so every bar, tick and cell of it is read on the same scale.
 */

export const durationUnits = ["minutes", "hours", "days"] as const;
export type DurationUnit = (typeof durationUnits)[number];

const MINUTES_IN: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440 };

/** Tick steps per unit: whole minutes and hours that divide an hour or a day, days on a 1-2-5 scale. */
const STEPS: Record<DurationUnit, readonly number[]> = {
  minutes: [1, 2, 5, 10, 15, 20, 30, 60],
  hours: [1, 2, 3, 4, 6, 12, 24],
  days: [1, 2, 5],
};
const MOST_INTERVALS = 5;

/** A report figure in minutes: report columns hold durations in hours (response) or days (stays, cycle). */
export function minutesOf(value: number, unit: "hours" | "days"): number {
  return value * MINUTES_IN[unit];
}

/** The figure in `unit`, unrounded (a CSV cell keeps more decimals than the screen shows). */
export function durationExactly(minutes: number, unit: DurationUnit): number {
  return minutes / MINUTES_IN[unit];
}

/** The figure in `unit`, rounded as it is shown. */
export function durationIn(minutes: number, unit: DurationUnit): number {
  if (unit === "minutes") return Math.max(0, Math.ceil(minutes - 1e-6));
  return Math.round((minutes / MINUTES_IN[unit]) * 10) / 10;
}

export function durationUnit(minutes: number): DurationUnit {
  if (durationIn(minutes, "minutes") < 60) return "minutes";
  if (durationIn(minutes, "hours") < 48) return "hours";
  return "days";
}

/** The unit a set of figures shares (a chart's axis, a CSV column): the unit of the largest. */
export function sharedDurationUnit(minutes: readonly number[]): DurationUnit {
  return durationUnit(Math.max(0, ...minutes));
}

/** `patterns` holds a message with {value} per unit, e.g. { minutes: "{value} 分钟", … }. */
export function formatDuration(
  minutes: number,
  locale: Locale,
  patterns: Record<DurationUnit, string>,
  unit: DurationUnit = durationUnit(minutes),
): string {
  const digits = unit === "minutes" ? 0 : 1;
  return patterns[unit].replace("{value}", formatNumber(durationIn(minutes, unit), locale, digits));
}

/**
 * An axis for figures up to `maxMinutes` in `unit`: from 0 by the smallest step of the unit that needs no
 * more than five intervals, up to the first tick at or past the largest figure.
 */
export function durationTicks(maxMinutes: number, unit: DurationUnit): number[] {
  const top = Math.max(0, maxMinutes) / MINUTES_IN[unit];
  let step: number | undefined;
  // A figure past the unit's own steps (not met when the unit is the figures' shared one) scales them by ten.
  for (let scale = 1; step === undefined; scale *= 10)
    step = STEPS[unit].map((candidate) => candidate * scale).find((candidate) => top <= candidate * MOST_INTERVALS);
  const intervals = Math.max(1, Math.ceil(top / step - 1e-9));
  return Array.from({ length: intervals + 1 }, (_, index) => index * step);
}
