import type { ReportValue } from "@/lib/reports/table";
import { ReportTableView, reportTranslator } from "./report-table";
import { tableByKey, type ReportSectionProps } from "./section-tables";
import { TrendLineChart, type TrendPoint } from "./trend-line-chart";
import styles from "./trend-section.module.css";

const METRICS = ["inquiries", "leads", "signed", "signedTax"] as const;
const figure = (value: ReportValue | undefined) => (typeof value === "number" ? value : null);

/**
 * The trend: a line chart of one metric (this period against a year earlier) over the table of
 * every period. Periods are always listed; a range where nothing happened says so instead of
 * drawing flat lines.
 */
export async function TrendSection({ tables, viewerId }: ReportSectionProps) {
  const t = await reportTranslator();
  const table = tableByKey(tables, "reportsConversion.tables.trend");
  const sum = (key: string) => table.rows.reduce((total, row) => total + (figure(row[key]) ?? 0), 0);
  const anything = table.rows.some((row) =>
    METRICS.some((metric) => figure(row[metric]) || figure(row[`${metric}LastYear`]) !== null),
  );
  // The axis shows the period's name ("2026-10", "2026-W41"), the table its days as well.
  const points = table.rows.map((row) => {
    const point: Record<string, string | number | null> = { label: String(row.period).split(" · ")[0] };
    for (const metric of METRICS) {
      point[metric] = figure(row[metric]);
      point[`${metric}LastYear`] = figure(row[`${metric}LastYear`]);
    }
    return point as TrendPoint;
  });
  const metrics = Object.fromEntries(
    METRICS.map((metric) => [metric, t(`reportsConversion.trend.metrics.${metric}`)]),
  ) as Record<(typeof METRICS)[number], string>;
  return (
    <div className={styles.section}>
      {anything ? (
        <>
          <p>
            {t("reportsConversion.trend.summary", {
              periods: table.rows.length,
              inquiries: sum("inquiries"),
              leads: sum("leads"),
              signed: sum("signed"),
            })}
          </p>
          <TrendLineChart
            points={points}
            text={{
              metric: t("reportsConversion.trend.metric"),
              thisYear: t("reportsConversion.trend.thisYear"),
              lastYear: t("reportsConversion.trend.lastYear"),
              metrics,
              chart: Object.fromEntries(
                METRICS.map((metric) => [metric, t("reportsConversion.trend.chart", { metric: metrics[metric] })]),
              ) as typeof metrics,
            }}
          />
        </>
      ) : (
        <p className="notice">{t("reports.empty")}</p>
      )}
      <ReportTableView table={table} viewerId={viewerId} />
      <p className={styles.note}>{t("reportsConversion.trend.definition")}</p>
    </div>
  );
}
