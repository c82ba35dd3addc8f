"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "use-intl";
import type { Locale } from "@/lib/i18n/messages";
import { chartColors } from "./chart-colors";
import { formatFigure } from "./figure-format";
import styles from "./conversion-section.module.css";

export interface ConversionBar {
  label: string;
  leads: number;
  signed: number;
}

/**
 * Leads and signed side by side for each value of a dimension, horizontal because listing titles
 * and industries read better down the side. The table beneath holds the same figures for readers
 * who cannot see the chart, so the chart is one labelled image to assistive technology.
 */
export function ConversionBarChart({
  bars,
  names,
  label,
}: {
  bars: ConversionBar[];
  names: { leads: string; signed: string };
  label: string;
}) {
  const locale = useLocale() as Locale;
  const count = (value: unknown) => formatFigure(Number(value), "count", locale);
  return (
    <figure className={styles.chart} role="img" aria-label={label}>
      <BarChart
        responsive
        layout="vertical"
        data={bars}
        style={{ width: "100%", height: bars.length * 44 + 72 }}
        margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="#d9e0e7" />
        <XAxis type="number" tickFormatter={count} allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={140} tickLine={false} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip formatter={count} />
        <Legend />
        <Bar dataKey="leads" name={names.leads} fill={chartColors.brand} isAnimationActive={false} />
        <Bar dataKey="signed" name={names.signed} fill={chartColors.ok} isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}
