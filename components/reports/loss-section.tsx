import type { ReportTable } from "@/lib/reports/table";
import { ReportBarChart } from "./bar-chart";
import { formatFigure } from "./figure-format";
import { formatReportCell, reportCellContext, ReportTableView } from "./report-table";
import { tableByKey, type ReportSectionProps } from "./section-tables";

export async function LossSection({ tables, viewerId }: ReportSectionProps) {
  const context = await reportCellContext();
  const { locale, t } = context;
  const reasons = tableByKey(tables, "reports.tables.lossReasons");
  const stages = tableByKey(tables, "reports.tables.lossStages");
  const parks = tableByKey(tables, "reports.tables.lossParks");
  const [total] = tableByKey(tables, "reports.tables.lossTotal").rows;
  if (reasons.rows.length === 0) return <p className="notice">{t("reports.empty")}</p>;
  const bars = (table: ReportTable) =>
    table.rows.map((row) => ({ label: formatReportCell(table.columns[0], row, context), value: Number(row.leads) }));
  return (
    <>
      <p>{t("reports.loss.summary", { count: formatFigure(Number(total.leads), "count", locale) })}</p>
      <ReportBarChart data={bars(reasons)} kind="count" label={t("reports.loss.reasonChart")} />
      <ReportTableView table={reasons} viewerId={viewerId} />
      {parks.rows.length > 0 && <ReportTableView table={parks} viewerId={viewerId} />}
      <ReportBarChart data={bars(stages)} kind="count" label={t("reports.loss.stageChart")} />
      <ReportTableView table={stages} viewerId={viewerId} />
      <p className="meta">{t("reports.loss.definition")}</p>
    </>
  );
}
