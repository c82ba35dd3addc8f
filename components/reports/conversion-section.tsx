import { conversionDimensions, TOTAL_ROW } from "@/lib/reports/conversion/tables";
import { ConversionDimensions, type ConversionPanel } from "./conversion-dimensions";
import { formatReportCell, reportCellContext, ReportTableView } from "./report-table";
import { tableByKey, type ReportSectionProps } from "./section-tables";
import styles from "./conversion-section.module.css";

/** The most rows a chart shows; the table beneath lists every row. */
const CHART_ROWS = 12;

/**
 * Conversion by dimension: a switch between source, UTM medium, referring site, listing, park,
 * owner and industry, each a bar chart of leads and signed over its table. A range without new
 * leads says so instead of drawing empty axes.
 */
export async function ConversionSection({ tables, viewerId }: ReportSectionProps) {
  const context = await reportCellContext();
  const { t } = context;
  const byDimension = conversionDimensions.map((dimension) => ({
    dimension,
    table: tableByKey(tables, `reportsConversion.tables.${dimension}`),
  }));
  const total = byDimension[0].table.rows.find((row) => row.row === TOTAL_ROW);
  if (!total) return <p className="notice">{t("reports.empty")}</p>;
  const panels: ConversionPanel[] = byDimension.map(({ dimension, table }) => {
    const rows = table.rows.filter((row) => row.row !== TOTAL_ROW);
    const name = t(`reportsConversion.dimensions.${dimension}`);
    return {
      key: dimension,
      name,
      bars: rows.slice(0, CHART_ROWS).map((row) => ({
        label: formatReportCell(table.columns[0], row, context),
        leads: Number(row.leads),
        signed: Number(row.signed),
      })),
      chartLabel: t("reportsConversion.conversion.chart", { dimension: name }),
      note: rows.length > CHART_ROWS ? t("reportsConversion.conversion.chartTop", { count: CHART_ROWS }) : null,
      table: <ReportTableView table={table} viewerId={viewerId} />,
    };
  });
  return (
    <div className={styles.section}>
      <p>
        {t("reportsConversion.conversion.summary", {
          leads: Number(total.leads),
          inquiries: Number(total.inquiries),
          signed: Number(total.signed),
        })}
      </p>
      <ConversionDimensions
        panels={panels}
        legend={t("reportsConversion.conversion.dimension")}
        names={{ leads: t("reportsConversion.columns.leads"), signed: t("reportsConversion.columns.signed") }}
      />
      <p className={styles.note}>{t("reportsConversion.conversion.definition")}</p>
    </div>
  );
}
