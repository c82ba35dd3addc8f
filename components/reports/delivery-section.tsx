import { DELIVERY_TABLES } from "@/lib/reports/delivery/columns";
import type { ReportValue } from "@/lib/reports/table";
import { formatFigure } from "./figure-format";
import { reportCellContext, ReportTableView } from "./report-table";
import { tableByKey, type ReportSectionProps } from "./section-tables";
import styles from "./trend-section.module.css";

/**
 * 履约: the total's rates in one sentence, then the tables (progress and late milestones, 到资, promised vs actual
 * with the classes, the classes beside the admission score) and what each figure means.
 */
export async function DeliverySection({ tables, viewerId }: ReportSectionProps) {
  const { t, locale } = await reportCellContext();
  const progress = tableByKey(tables, DELIVERY_TABLES.progress);
  const funding = tableByKey(tables, DELIVERY_TABLES.funding);
  const total = progress.rows[0];
  const rate = (value: ReportValue | undefined) =>
    typeof value === "number" ? formatFigure(value, "percent", locale) : t("reports.none");
  return (
    <div className={styles.section}>
      {total ? (
        <p data-testid="delivery-summary">
          {t("reportsDelivery.summary", {
            day: String(total.asOf),
            projects: formatFigure(Number(total.projects), "count", locale),
            startRate: rate(total.startRate),
            productionRate: rate(total.productionRate),
            fullRate: rate(total.fullRate),
            late: formatFigure(Number(total.late), "count", locale),
            paidRate: rate(funding.rows[0]?.paidRate),
          })}
        </p>
      ) : (
        <p className="notice">{t("reportsDelivery.empty")}</p>
      )}
      {tables.map((table) => (
        <ReportTableView key={table.key} table={table} viewerId={viewerId} />
      ))}
      <p className={styles.note}>{t("reportsDelivery.definition")}</p>
    </div>
  );
}
