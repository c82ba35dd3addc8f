import { getLocale } from "@/lib/i18n/server";
import type { ReportTable } from "@/lib/reports/table";
import { ReportFunnelChart } from "./funnel-chart";
import { formatFigure } from "./figure-format";
import { formatReportCell, reportTranslator, ReportTableView } from "./report-table";
import { tableByKey } from "./section-tables";

export async function FunnelSection({ tables }: { tables: ReportTable[] }) {
  const [locale, t] = await Promise.all([getLocale(), reportTranslator()]);
  const funnel = tableByKey(tables, "reports.tables.funnel");
  const cohort = tableByKey(tables, "reports.tables.funnelCohort");
  const [totals] = cohort.rows;
  if (funnel.rows.length === 0) return <p className="notice">{t("reports.empty")}</p>;
  const [stage] = funnel.columns;
  const count = (value: unknown) => formatFigure(Number(value), "count", locale);
  const data = funnel.rows.map((row) => ({
    label: formatReportCell(stage, row, locale, t),
    value: Number(row.reached),
  }));
  return (
    <>
      <p>{t("reports.funnel.summary", { cohort: count(totals.leads), lost: count(totals.lost) })}</p>
      <ReportFunnelChart data={data} label={t("reports.funnel.chart")} />
      <ReportTableView table={funnel} />
      <ReportTableView table={cohort} />
      <p className="meta">{t("reports.funnel.definition")}</p>
    </>
  );
}
