import type { Locale, Messages } from "@/lib/i18n/messages";
import type { ReportTable } from "@/lib/reports/table";
import { ReportBarChart } from "./bar-chart";
import { formatFigure } from "./figure-format";
import { formatReportCell, reportTranslator, ReportTableView } from "./report-table";
import { tableByKey } from "./section-tables";

export function PipelineSection({ tables, locale, messages }: { tables: ReportTable[]; locale: Locale; messages: Messages }) {
  const t = reportTranslator(locale, messages);
  const pipeline = tableByKey(tables, "reports.tables.pipeline");
  const total = tableByKey(tables, "reports.tables.pipelineTotal");
  if (pipeline.rows.length === 0) return <p className="notice">{t("reports.pipeline.empty")}</p>;
  const [stage] = pipeline.columns;
  const data = pipeline.rows.map((row) => ({ label: formatReportCell(stage, row, locale, t), value: Number(row.tax) }));
  return (
    <>
      <p>{t("reports.pipeline.summary", { count: formatFigure(Number(total.rows[0].leads), "count", locale) })}</p>
      <ReportBarChart data={data} kind="wan" locale={locale} label={t("reports.pipeline.chart")} />
      <ReportTableView table={pipeline} locale={locale} messages={messages} />
      <ReportTableView table={total} locale={locale} messages={messages} />
    </>
  );
}
