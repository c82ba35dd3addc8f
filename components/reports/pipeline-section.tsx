import { getLocale } from "@/lib/i18n/server";
import type { ReportTable } from "@/lib/reports/table";
import { ReportBarChart } from "./bar-chart";
import { formatFigure } from "./figure-format";
import { formatReportCell, reportTranslator, ReportTableView } from "./report-table";
import { tableByKey } from "./section-tables";

export async function PipelineSection({ tables }: { tables: ReportTable[] }) {
  const [locale, t] = await Promise.all([getLocale(), reportTranslator()]);
  const pipeline = tableByKey(tables, "reports.tables.pipeline");
  const total = tableByKey(tables, "reports.tables.pipelineTotal");
  if (pipeline.rows.length === 0) return <p className="notice">{t("reports.pipeline.empty")}</p>;
  const [stage] = pipeline.columns;
  const data = pipeline.rows.map((row) => ({ label: formatReportCell(stage, row, locale, t), value: Number(row.tax) }));
  return (
    <>
      <p>{t("reports.pipeline.summary", { count: formatFigure(Number(total.rows[0].leads), "count", locale) })}</p>
      <ReportBarChart data={data} kind="wan" label={t("reports.pipeline.chart")} />
      <ReportTableView table={pipeline} />
      <ReportTableView table={total} />
    </>
  );
}
