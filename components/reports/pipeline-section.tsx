import { ReportBarChart } from "./bar-chart";
import { formatFigure } from "./figure-format";
import { formatReportCell, reportCellContext, ReportTableView } from "./report-table";
import { tableByKey, type ReportSectionProps } from "./section-tables";

export async function PipelineSection({ tables, viewerId }: ReportSectionProps) {
  const context = await reportCellContext();
  const { locale, t } = context;
  const pipeline = tableByKey(tables, "reports.tables.pipeline");
  const total = tableByKey(tables, "reports.tables.pipelineTotal");
  if (pipeline.rows.length === 0) return <p className="notice">{t("reports.pipeline.empty")}</p>;
  const [stage] = pipeline.columns;
  const data = pipeline.rows.map((row) => ({ label: formatReportCell(stage, row, context), value: Number(row.tax) }));
  return (
    <>
      <p>{t("reports.pipeline.summary", { count: formatFigure(Number(total.rows[0].leads), "count", locale) })}</p>
      <ReportBarChart data={data} kind="wan" label={t("reports.pipeline.chart")} />
      <ReportTableView table={pipeline} viewerId={viewerId} />
      <ReportTableView table={total} viewerId={viewerId} />
    </>
  );
}
