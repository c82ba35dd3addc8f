"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "use-intl";
import type { Locale } from "@/lib/i18n/messages";
import {
  durationIn,
  durationTicks,
  formatDuration,
  sharedDurationUnit,
  type DurationUnit,
} from "@/lib/reports/duration";
import styles from "./speed-section.module.css";

export interface SpeedBar {
  label: string;
  /** minutes, or null for no figure */
  values: (number | null)[];
}

export interface SpeedBarSeries {
  name: string;
  color: string;
}

/*
 * Bars of durations side by side (median and p90 per owner, average and median per stage), on one
 * scale: the unit of the largest figure (lib/reports/duration), ticks in whole steps of it, and each
 * bar's figure written on it in the same unit, so the bar, its label and the axis agree. The table
 * beneath holds the same figures for readers who cannot see the chart, so the chart is one labelled
 * image to assistive technology. `units` holds a message with {value} per unit, e.g. "{value} 分钟".
 */
export function SpeedBarChart({
  bars,
  series,
  units,
  label,
}: {
  bars: SpeedBar[];
  series: SpeedBarSeries[];
  units: Record<DurationUnit, string>;
  label: string;
}) {
  const locale = useLocale() as Locale;
  const figures = bars.flatMap((bar) => bar.values).filter((value): value is number => value !== null);
  const unit = sharedDurationUnit(figures);
  const ticks = durationTicks(Math.max(0, ...figures), unit);
  // Bars are drawn at the figure as shown, so a bar's end and its label name the same number.
  const data = bars.map((bar) =>
    Object.fromEntries([
      ["label", bar.label],
      ...bar.values.flatMap((value, index) => [
        [`s${index}`, value === null ? null : durationIn(value, unit)],
        [`m${index}`, value],
      ]),
    ]),
  );
  const written = (minutes: unknown) =>
    typeof minutes === "number" ? formatDuration(minutes, locale, units, unit) : "—";
  const tick = (value: number) => units[unit].replace("{value}", String(value));
  return (
    <figure className={styles.chart} role="img" aria-label={label} data-duration-unit={unit}>
      <BarChart
        responsive
        data={data}
        style={{ width: "100%", height: 280 }}
        margin={{ top: 24, right: 8, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
        <YAxis
          ticks={ticks}
          domain={[0, ticks[ticks.length - 1]]}
          allowDecimals={false}
          tickFormatter={tick}
          tick={{ fontSize: 12 }}
          width={72}
        />
        <Tooltip
          formatter={(_value, name, item) => [
            written(item.payload[`m${series.findIndex((s) => s.name === name)}`]),
            name,
          ]}
        />
        {/* in the order given (median first), not sorted by name */}
        <Legend itemSorter={null} />
        {series.map((entry, index) => (
          <Bar key={entry.name} dataKey={`s${index}`} name={entry.name} fill={entry.color} isAnimationActive={false}>
            <LabelList dataKey={`m${index}`} position="top" formatter={written} fontSize={11} fill="#1d2733" />
          </Bar>
        ))}
      </BarChart>
    </figure>
  );
}
