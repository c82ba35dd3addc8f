"use client";
import { useTranslations } from "use-intl";
import type { ReportKey } from "@/lib/reports/table";
import styles from "./export-links.module.css";
import { exportQuery } from "@/lib/reports/export/query";

/** The CSV download and the printable page of one report, for its section's header. */
export function ExportLinks({ report, filterQuery }: { report: ReportKey; filterQuery: string }) {
  const t = useTranslations("reportsExport");
  const name = useTranslations("reports.tabs")(report);
  const query = exportQuery(filterQuery, { report });
  return (
    <nav aria-label={t("title")} className={styles.links}>
      {/* Plain links: a download and a new tab are no client-side navigation, and prefetching would export. */}
      <a
        className="button secondary"
        href={`/crm/reports/export?${query}`}
        download
        aria-label={t("csvLabel", { report: name })}
      >
        {t("csv")}
      </a>
      <a
        className="button secondary"
        href={`/crm/reports/print?${query}`}
        target="_blank"
        rel="noopener"
        aria-label={t("printLabel", { report: name })}
      >
        {t("print")}
      </a>
    </nav>
  );
}
