import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";
import { reportKeys, type ReportKey } from "@/lib/reports/table";
import styles from "./report-tabs.module.css";

/**
 * One link per report, keeping the filters: each tab is its own URL (bookmarked, shared, opened in
 * a new tab) and only the chosen report is computed. The current one is marked aria-current.
 */
export async function ReportTabs({ tab, query }: { tab: ReportKey; query: string }) {
  const t = (await getMessages()).reports.tabs;
  return (
    <nav aria-label={t.label} className={styles.tabs}>
      <ul>
        {reportKeys.map((key) => (
          <li key={key}>
            <Link
              href={`/crm/reports?tab=${key}${query ? `&${query}` : ""}`}
              aria-current={key === tab ? "page" : undefined}
              className={styles.tab}
            >
              {t[key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
