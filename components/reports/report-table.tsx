import type { Locale, Messages } from "@/lib/i18n/messages";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { formatDuration, minutesOf } from "@/lib/reports/duration";
import type { ReportColumn, ReportTable, ReportValue } from "@/lib/reports/table";
import { DataTable } from "@/components/ui/data-table";
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

/** What formatting a cell needs: the reader's language, its catalogue and a translator over it. */
export interface CellContext {
  locale: Locale;
  messages: Messages;
  t: Translate;
}

/** The request's context, with the whole-catalogue translator loosened to string keys: report keys are built from table and column keys. */
export async function reportCellContext(): Promise<CellContext> {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations()]);
  return { locale, messages, t: t as unknown as Translate };
}

/** The translator alone, for sections that format no cells. */
export async function reportTranslator(): Promise<Translate> {
  return (await reportCellContext()).t;
}

export function tableCaptionKey(table: ReportTable): string {
  return table.key.includes(".") ? table.key : `reports.tables.${table.key}`;
}

/** One cell as text: the same formatting on screen and on the printable page. */
export function formatReportCell(
  column: ReportColumn,
  row: Record<string, ReportValue>,
  { locale, messages, t }: CellContext,
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
    case "decimal":
      return formatFigure(figure, column.kind, locale);
    case "hours":
    case "days":
      return formatDuration(minutesOf(figure, column.kind), locale, messages.reports.units);
  }
}

const tableId = (table: ReportTable) => table.key.replace(/[^A-Za-z0-9_-]/g, "-").slice(-40);

/**
 * A report's table on screen, on the workspace's data table: the first column (the row's name) stays
 * in view while the figures scroll inside the table, and the columns a person hides stay hidden for
 * them. An empty table says so instead of showing headers over nothing.
 */
export async function ReportTableView({ table, viewerId }: { table: ReportTable; viewerId: string }) {
  const context = await reportCellContext();
  const { t } = context;
  const caption = t(tableCaptionKey(table));
  return (
    <div className={styles.report} data-report-table={table.key}>
      <p className={styles.caption} aria-hidden="true">
        {caption}
      </p>
      {table.rows.length === 0 ? (
        <p className={styles.empty}>{t("reports.empty")}</p>
      ) : (
        <DataTable
          id={tableId(table)}
          userId={viewerId}
          label={caption}
          chooserLabel={t("reports.chooseColumns")}
          columns={table.columns.map((column) => ({
            id: column.key,
            label: t(column.label),
            numeric: column.kind !== "text",
          }))}
          rows={table.rows.map((row, index) => ({
            id: String(index),
            cells: Object.fromEntries(
              table.columns.map((column) => [
                column.key,
                <span key={column.key} data-column={column.key}>
                  {formatReportCell(column, row, context)}
                </span>,
              ]),
            ),
          }))}
        />
      )}
    </div>
  );
}

/** A report's table on paper (the printable page): every column, at the paper's width. */
export async function ReportPaperTable({ table }: { table: ReportTable }) {
  const context = await reportCellContext();
  const { t } = context;
  const numeric = (column: ReportColumn) => (column.kind === "text" ? undefined : styles.number);
  return (
    <div className="table-wrap">
      <table className={`data-table ${styles.table}`} data-report-table={table.key}>
        <caption className={styles.paperCaption}>{t(tableCaptionKey(table))}</caption>
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
                    <th key={column.key} scope="row" className={`${styles.rowHeader} ${numeric(column) ?? ""}`}>
                      {formatReportCell(column, row, context)}
                    </th>
                  ) : (
                    <td key={column.key} className={numeric(column)}>
                      {formatReportCell(column, row, context)}
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
