import { formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { occupancyRate } from "@/lib/inventory/totals";
import { OCCUPANCY_TABLES } from "@/lib/reports/occupancy/columns";
import type { ReportValue } from "@/lib/reports/table";
import { formatFigure } from "./figure-format";
import { OccupancyLineChart, type OccupancyPoint } from "./occupancy-line-chart";
import { reportCellContext, ReportTableView } from "./report-table";
import { tableByKey, type ReportSectionProps } from "./section-tables";
import styles from "./trend-section.module.css";

const figure = (value: ReportValue | undefined) => (typeof value === "number" ? value : 0);

/**
 * Occupancy and vacancy: each park's rate at each period's end as lines over the rate table, then vacancy
 * days, expired holds and the areas now. A park's own rows (no building id) feed the chart and the summary.
 */
export async function OccupancySection({ tables, viewerId }: ReportSectionProps) {
  const { t, locale } = await reportCellContext();
  const rates = tableByKey(tables, OCCUPANCY_TABLES.rate);
  const parkRows = rates.rows.filter((row) => row.buildingId === null);
  const parks = [...new Map(parkRows.map((row) => [String(row.parkId), row])).values()].map((row) => ({
    id: String(row.parkId),
    name: localized(locale, String(row.park), typeof row.parkEn === "string" ? row.parkEn : null),
  }));
  const points = new Map<string, OccupancyPoint>();
  for (const row of parkRows) {
    const label = String(row.period);
    const point = points.get(label) ?? { label };
    point[String(row.parkId)] = typeof row.rate === "number" ? row.rate : null;
    points.set(label, point);
  }
  // The summary reads the last period's end over every park in view.
  const last = parkRows.length > 0 ? String(parkRows[parkRows.length - 1].period) : null;
  const latest = parkRows.filter((row) => String(row.period) === last);
  const sum = (key: string) => latest.reduce((total, row) => total + figure(row[key]), 0);
  const rate = occupancyRate({
    total: sum("total"),
    unavailable: sum("unavailable"),
    signed: sum("signed"),
    occupied: sum("occupied"),
    vacant: 0,
    held: 0,
  });
  return (
    <div className={styles.section}>
      {parks.length > 0 ? (
        <>
          <p data-testid="occupancy-summary">
            {t("reportsOccupancy.summary", {
              day: String(latest[0].asOf),
              rate: rate === null ? t("reports.none") : formatFigure(rate, "percent", locale),
              offered: formatNumber(sum("offered"), locale),
              taken: formatNumber(sum("taken"), locale),
            })}
          </p>
          <OccupancyLineChart points={[...points.values()]} parks={parks} label={t("reportsOccupancy.chart.label")} />
        </>
      ) : (
        <p className="notice">{t("reportsOccupancy.chart.empty")}</p>
      )}
      {tables.map((table) => (
        <ReportTableView key={table.key} table={table} viewerId={viewerId} />
      ))}
      <p className={styles.note}>{t("reportsOccupancy.definition")}</p>
    </div>
  );
}
