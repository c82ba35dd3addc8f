import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import type { ReportColumn, ReportTable, ReportValue } from "@/lib/reports/table";
import { formatFigure } from "./figure-format";
import styles from "./report-table.module.css";

/*
 * Any report's table, formatted by column kind. Conventions every report follows:
 * - column.label is a full message key path ("reports.columns.leads", "reportsSpeed.columns.median");
 * - table.key is a full message key path too ("reports.tables.funnel"); a key without a dot is read
 *   under reports.tables;
 * - a text cell may carry its English twin in the row under `<column key>En` (stage and park names
 *   are stored in both languages), shown when the page is in English;
 * - null is "no figure" (a rate over zero leads, a median of nothing) and shows as "—".
 */

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The request's whole-catalogue translator, loosened to string keys: report keys are built from table and column keys. */
export async function reportTranslator(): Promise<Translate> {
  return (await getTranslations()) as unknown as Translate;
}

export function tableCaptionKey(table: ReportTable): string {
  return table.key.includes(".") ? table.key : `reports.tables.${table.key}`;
}

/** One cell as text: the same formatting on screen and on the printable page. */
export function formatReportCell(
  column: ReportColumn,
  row: Record<string, ReportValue>,
  locale: Locale,
  t: Translate,
): string {
  const value = row[column.key];
  if (value === null || value === undefined || value === "") return t("reports.none");
  if (column.kind === "text") {
    const english = row[`${column.key}En`];
    return locale === "en" && typeof english === "string" && english !== "" ? english : String(value);
  }
  // Figures should arrive as numbers; a decimal string (Prisma Decimal, NUMERIC) is read the same way.
  const figure = Number(value);
  if (!Number.isFinite(figure)) return String(value);
  switch (column.kind) {
    case "count":
    case "percent":
    case "wan":
    case "area":
      return formatFigure(figure, column.kind, locale);
    case "hours":
      return t("reports.units.hours", { value: formatNumber(figure, locale, 1) });
    case "days":
      return t("reports.units.days", { value: formatNumber(figure, locale, 1) });
  }
}

export async function ReportTableView({ table }: { table: ReportTable }) {
  const [locale, t] = await Promise.all([getLocale(), reportTranslator()]);
  const numeric = (column: ReportColumn) => (column.kind === "text" ? undefined : styles.number);
  return (
    <div className="table-wrap">
      <table className={`data-table ${styles.table}`} data-report-table={table.key}>
        <caption className={styles.caption}>{t(tableCaptionKey(table))}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className={numeric(column)}>
                {t(column.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} className={styles.empty}>
                {t("reports.empty")}
              </td>
            </tr>
          ) : (
            table.rows.map((row, index) => (
              <tr key={index}>
                {table.columns.map((column, position) =>
                  position === 0 ? (
                    <th
                      key={column.key}
                      scope="row"
                      className={`${styles.rowHeader} ${numeric(column) ?? ""}`}
                      data-column={column.key}
                    >
                      {formatReportCell(column, row, locale, t)}
                    </th>
                  ) : (
                    <td key={column.key} className={numeric(column)} data-column={column.key}>
                      {formatReportCell(column, row, locale, t)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
