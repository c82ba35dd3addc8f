import { ReportFunnelChart } from "./funnel-chart";
import { formatFigure } from "./figure-format";
import { formatReportCell, reportCellContext, ReportTableView } from "./report-table";
import { tableByKey, type ReportSectionProps } from "./section-tables";

export async function FunnelSection({ tables, viewerId }: ReportSectionProps) {
  const context = await reportCellContext();
  const { locale, t } = context;
  const funnel = tableByKey(tables, "reports.tables.funnel");
  const cohort = tableByKey(tables, "reports.tables.funnelCohort");
  const [totals] = cohort.rows;
  if (funnel.rows.length === 0) return <p className="notice">{t("reports.empty")}</p>;
  const [stage] = funnel.columns;
  const count = (value: unknown) => formatFigure(Number(value), "count", locale);
  const data = funnel.rows.map((row) => ({
    label: formatReportCell(stage, row, context),
    value: Number(row.reached),
    figure: count(row.reached),
  }));
  return (
    <>
      <p>{t("reports.funnel.summary", { cohort: count(totals.leads), lost: count(totals.lost) })}</p>
      <ReportFunnelChart data={data} label={t("reports.funnel.chart")} />
      <ReportTableView table={funnel} viewerId={viewerId} />
      <ReportTableView table={cohort} viewerId={viewerId} />
      <p className="meta">{t("reports.funnel.definition")}</p>
    </>
  );
}
