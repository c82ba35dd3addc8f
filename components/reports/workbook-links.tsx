"use client";
import { useTranslations } from "use-intl";
import styles from "./export-links.module.css";
import { exportQuery } from "@/lib/reports/export/query";

/**
 * The reports page's exports area: the two workbooks managers send upward, and every report on
 * one printable page. `reserveThreshold` (万元) is named in the hint when the page passes it.
 */
export function WorkbookLinks({ filterQuery, reserveThreshold }: { filterQuery: string; reserveThreshold?: number }) {
  const t = useTranslations("reportsExport");
  const workbook = (sheet: "ledger" | "reserve") =>
    `/crm/reports/export/workbook?${exportQuery(filterQuery, { sheet })}`;
  return (
    <section aria-labelledby="report-exports-heading" className={`panel ${styles.area}`}>
      <h2 id="report-exports-heading">{t("workbooks.title")}</h2>
      <ul className={styles.list}>
        <li>
          <a href={workbook("ledger")} download>
            {t("workbooks.download", { name: t("workbooks.ledger") })}
          </a>
          <span className="hint">{t("workbooks.ledgerHint")}</span>
        </li>
        <li>
          <a href={workbook("reserve")} download>
            {t("workbooks.download", { name: t("workbooks.reserve") })}
          </a>
          <span className="hint">
            {reserveThreshold === undefined
              ? t("workbooks.reserveHintDefault")
              : t("workbooks.reserveHint", { threshold: reserveThreshold })}
          </span>
        </li>
        <li>
          <a href={`/crm/reports/print?${exportQuery(filterQuery, { report: "all" })}`} target="_blank" rel="noopener">
            {t("workbooks.printAll")}
          </a>
          <span className="hint">{t("workbooks.printAllHint")}</span>
        </li>
      </ul>
    </section>
  );
}
