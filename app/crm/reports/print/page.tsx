import type { Metadata } from "next";
import { PrintButton } from "@/components/reports/print-button";
import styles from "@/components/reports/print-page.module.css";
import { ReportPaperTable } from "@/components/reports/report-table";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { printableReports } from "@/lib/reports/export/reports";
import { invalidFields } from "@/lib/reports/export/view";
import type { UrlParams } from "@/lib/reports/filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).reportsExport.print };
}

/** The reports page showing what was printed: same filters, that report's tab. */
function backToReports(params: UrlParams): string {
  const query = new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) =>
      typeof value === "string" && key !== "report" ? [[key, value]] : [],
    ),
  );
  if (typeof params.report === "string" && params.report !== "all") query.set("tab", params.report);
  return `/crm/reports?${query}`;
}

/** /crm/reports/print?report=<key|all>&<filters>: the report(s) laid out for A4 paper or a PDF; audited when opened. */
export default async function PrintReportsPage({ searchParams }: { searchParams: Promise<UrlParams> }) {
  const [viewer, locale, messages, t, db, params] = await Promise.all([
    requireUser(),
    getLocale(),
    getMessages(),
    getTranslations(),
    getDb(),
    searchParams,
  ]);
  const view = await printableReports(db, viewer, params, { locale, messages });
  const text = messages.reportsExport.printPage;
  const back = backToReports(params);
  if (!view.ok) {
    return (
      <p className="form-alert" role="alert">
        {t("reportsExport.printPage.invalid", { fields: invalidFields(Object.keys(view.fieldErrors), messages) })}{" "}
        <a href={back}>{text.back}</a>
      </p>
    );
  }
  return (
    <article className={styles.page}>
      <div className={styles.toolbar}>
        <PrintButton label={text.printNow} />
        <a href={back}>{text.back}</a>
        <p>{text.hint}</p>
      </div>
      <header className={styles.header}>
        <p className={styles.product}>
          {messages.site.name} · {messages.crm.name}
        </p>
        <h1>{view.title}</h1>
        <dl className={styles.facts}>
          <dt>{text.period}</dt>
          <dd data-testid="print-period">{view.words.period}</dd>
          <dt>{text.filter}</dt>
          <dd data-testid="print-filters">{view.words.filters}</dd>
          <dt>{text.printedAt}</dt>
          <dd>{formatDateTime(view.printedAt, locale)}</dd>
          <dt>{text.printedBy}</dt>
          <dd>{view.printedBy}</dd>
        </dl>
      </header>
      {view.reports.map((report) => (
        <section key={report.key} className={styles.report} aria-label={report.title}>
          {view.reports.length > 1 && <h2>{report.title}</h2>}
          {report.snapshot && <p className={styles.note}>{report.snapshot}</p>}
          {report.tables.map((table) => (
            <ReportPaperTable key={table.key} table={table} />
          ))}
        </section>
      ))}
    </article>
  );
}
