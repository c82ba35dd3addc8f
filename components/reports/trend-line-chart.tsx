"use client";

import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "use-intl";
import type { Locale } from "@/lib/i18n/messages";
import { chartColors } from "./chart-colors";
import { formatFigure } from "./figure-format";
import styles from "./trend-section.module.css";

export const trendMetrics = ["inquiries", "leads", "signed", "signedTax"] as const;
export type TrendMetric = (typeof trendMetrics)[number];

/** One period: this year's figures and a year earlier's (null when that period held no data). */
export type TrendPoint = { label: string } & Record<TrendMetric | `${TrendMetric}LastYear`, number | null>;

/**
 * This period against a year earlier, for one metric at a time (counts and 万元 do not share an
 * axis). The table beneath holds every figure, so the chart is one labelled image.
 */
export function TrendLineChart({
  points,
  text,
}: {
  points: TrendPoint[];
  text: {
    metric: string;
    thisYear: string;
    lastYear: string;
    metrics: Record<TrendMetric, string>;
    chart: Record<TrendMetric, string>;
  };
}) {
  const locale = useLocale() as Locale;
  const [metric, choose] = useState<TrendMetric>("inquiries");
  const kind = metric === "signedTax" ? "wan" : "count";
  const format = (value: unknown) => (typeof value === "number" ? formatFigure(value, kind, locale) : "—");
  const hasLastYear = points.some((point) => point[`${metric}LastYear`] !== null);
  return (
    <>
      <fieldset className={styles.switch}>
        <legend>{text.metric}</legend>
        <div className="choice-group">
          {trendMetrics.map((key) => (
            <label key={key} className="choice">
              <input
                type="radio"
                name="trend-metric"
                value={key}
                checked={metric === key}
                onChange={() => choose(key)}
              />
              {text.metrics[key]}
            </label>
          ))}
        </div>
      </fieldset>
      <figure className={styles.chart} role="img" aria-label={text.chart[metric]} data-trend-metric={metric}>
        <LineChart
          responsive
          data={points}
          style={{ width: "100%", height: 300 }}
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis
            tickFormatter={format}
            allowDecimals={kind !== "count"}
            tick={{ fontSize: 12 }}
            width={kind === "wan" ? 96 : 48}
          />
          <Tooltip formatter={format} />
          <Legend />
          <Line
            type="monotone"
            dataKey={metric}
            name={text.thisYear}
            stroke={chartColors.brand}
            strokeWidth={2}
            isAnimationActive={false}
          />
          {hasLastYear && (
            <Line
              type="monotone"
              dataKey={`${metric}LastYear`}
              name={text.lastYear}
              stroke={chartColors.past}
              strokeDasharray="6 4"
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
            />
          )}
        </LineChart>
      </figure>
    </>
  );
}
