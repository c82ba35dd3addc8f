"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/i18n/format";
import { useLocale } from "use-intl";
import type { Locale } from "@/lib/i18n/messages";
import styles from "./speed-section.module.css";

export interface SpeedBar {
  label: string;
  values: (number | null)[];
}

export interface SpeedBarSeries {
  name: string;
  color: string;
}

/*
 * Bars of durations side by side (median and p90 per owner, average and median per stage). The
 * table beneath holds the same figures for readers who cannot see the chart, so the chart is one
 * labelled image to assistive technology. `unit` is a message with {value}, e.g. "{value} 小时".
 */
export function SpeedBarChart({
  bars,
  series,
  unit,
  label,
}: {
  bars: SpeedBar[];
  series: SpeedBarSeries[];
  unit: string;
  label: string;
}) {
  const locale = useLocale() as Locale;
  const data = bars.map((bar) =>
    Object.fromEntries([["label", bar.label], ...bar.values.map((value, index) => [`s${index}`, value])]),
  );
  const withUnit = (value: unknown) =>
    typeof value === "number" ? unit.replace("{value}", formatNumber(value, locale, 1)) : "—";
  return (
    <figure className={styles.chart} role="img" aria-label={label}>
      <BarChart
        responsive
        data={data}
        style={{ width: "100%", height: 260 }}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={(value: number) => formatNumber(value, locale, 1)} tick={{ fontSize: 12 }} width={48} />
        <Tooltip formatter={(value) => withUnit(value)} />
        {/* in the order given (median first), not sorted by name */}
        <Legend itemSorter={null} />
        {series.map((entry, index) => (
          <Bar key={entry.name} dataKey={`s${index}`} name={entry.name} fill={entry.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}
