"use client";

import { Funnel, FunnelChart, LabelList, Tooltip } from "recharts";
import { useLocale } from "use-intl";
import type { Locale } from "@/lib/i18n/messages";
import type { ChartDatum } from "./bar-chart";
import { formatFigure } from "./figure-format";
import styles from "./charts.module.css";

const SHADES = ["#0b5cad", "#1971c2", "#1c7ed6", "#339af0", "#4dabf7", "#74c0fc", "#a5d8ff"];

/** The leads that reached each stage, widest first; the table beneath holds the rates. */
export function ReportFunnelChart({ data, label }: { data: ChartDatum[]; label: string }) {
  const locale = useLocale() as Locale;
  const format = (value: unknown) => formatFigure(Number(value), "count", locale);
  // Name and figure sit beside each band: the narrow bands at the bottom have no room inside.
  const shaded = data.map((datum, index) => ({
    ...datum,
    caption: `${datum.label}  ${format(datum.value)}`,
    fill: SHADES[index % SHADES.length],
  }));
  return (
    <figure className={styles.figure} role="img" aria-label={label}>
      <FunnelChart
        responsive
        style={{ width: "100%", maxWidth: 640, height: data.length * 44 + 16 }}
        margin={{ top: 8, right: 180, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <Tooltip formatter={format} />
        <Funnel data={shaded} dataKey="value" nameKey="label" isAnimationActive={false} lastShapeType="rectangle">
          <LabelList dataKey="caption" position="right" fill="#1d2733" stroke="none" />
        </Funnel>
      </FunnelChart>
    </figure>
  );
}
