"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "use-intl";
import type { Locale } from "@/lib/i18n/messages";
import { chartColors } from "./chart-colors";
import { formatFigure } from "./figure-format";
import styles from "./trend-section.module.css";

/** One period's end: each park's rate under the park's id (null when it had nothing on offer). */
export type OccupancyPoint = { label: string } & Record<string, string | number | null>;

const COLORS = [chartColors.brand, chartColors.accent, chartColors.ok, "#7048e8", "#0c8599", "#c2255c", "#e67700"];

/** 出租率/去化率 of each park at each period's end; the table beneath holds every figure, so the chart is one image. */
export function OccupancyLineChart({
  points,
  parks,
  label,
}: {
  points: OccupancyPoint[];
  parks: { id: string; name: string }[];
  label: string;
}) {
  const locale = useLocale() as Locale;
  const format = (value: unknown) => (typeof value === "number" ? formatFigure(value, "percent", locale) : "—");
  return (
    <figure className={styles.chart} role="img" aria-label={label}>
      <LineChart
        responsive
        data={points}
        style={{ width: "100%", height: 300 }}
        margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 1]} tickFormatter={format} tick={{ fontSize: 12 }} width={56} />
        <Tooltip formatter={format} />
        <Legend />
        {parks.map((park, index) => (
          <Line
            key={park.id}
            type="monotone"
            dataKey={park.id}
            name={park.name}
            stroke={COLORS[index % COLORS.length]}
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </figure>
  );
}
