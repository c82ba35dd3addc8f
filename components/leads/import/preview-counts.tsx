import Link from "next/link";
import { formatNumber } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import type { ImportSummary } from "@/lib/leads/import/queries";
import type { ImportPreviewFilter } from "@/lib/leads/import/schema";
import styles from "./import.module.css";

/** The preview's totals by what will happen, each a filter of the table below. */
export async function PreviewCounts({
  summary,
  filter,
  total,
}: {
  summary: ImportSummary;
  filter: ImportPreviewFilter;
  total: number;
}) {
  const [t, locale] = await Promise.all([getTranslations("leadImport.preview"), getLocale()]);
  const n = (value: number) => formatNumber(value, locale);
  const links: [ImportPreviewFilter, string][] = [
    ["all", t("counts.all", { n: n(total) })],
    ["create", t("counts.CREATE", { n: n(summary.planned.CREATE) })],
    ["merge", t("counts.MERGE", { n: n(summary.planned.MERGE) })],
    ["skip", t("counts.SKIP", { n: n(summary.planned.SKIP) })],
    ["errors", t("counts.errors", { n: n(summary.withErrors) })],
  ];
  return (
    <nav aria-label={t("filters")}>
      <ul className={styles.counts} data-testid="import-counts">
        {links.map(([value, label]) => (
          <li key={value}>
            <Link href={`?filter=${value}`} aria-current={value === filter ? "true" : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
