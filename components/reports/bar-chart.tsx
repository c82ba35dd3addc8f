"use client";

import { Bar, BarChart, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "use-intl";
import type { Locale } from "@/lib/i18n/messages";
import { chartColors } from "./chart-colors";
import { formatFigure, type FigureKind } from "./figure-format";
import styles from "./charts.module.css";

export interface ChartDatum {
  label: string;
  value: number;
}

/**
 * Horizontal bars, one per category (reasons and stage names read better down the side than under
 * a bar). The table beneath carries the same figures for screen readers, so the picture is one image.
 */
export function ReportBarChart({ data, kind, label }: { data: ChartDatum[]; kind: FigureKind; label: string }) {
  const locale = useLocale() as Locale;
  const format = (value: unknown) => formatFigure(Number(value), kind, locale);
  return (
    <figure className={styles.figure} role="img" aria-label={label}>
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={{ width: "100%", height: data.length * 36 + 16 }}
        margin={{ top: 8, right: 120, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        {/* Each bar carries its figure, so no number axis: on a phone its ticks would only crowd the bars. */}
        <XAxis type="number" hide domain={[0, "dataMax"]} />
        <YAxis type="category" dataKey="label" width={112} tickLine={false} />
        <Tooltip formatter={format} />
        <Bar dataKey="value" fill={chartColors.brand} isAnimationActive={false}>
          <LabelList dataKey="value" position="right" formatter={format} />
        </Bar>
      </BarChart>
    </figure>
  );
}
