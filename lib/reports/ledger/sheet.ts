import "server-only";
import type { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { SHANGHAI_OFFSET_MS } from "../../calendar/shanghai-time";
import { localized } from "../../i18n/localized";
import type { Locale, Messages } from "../../i18n/messages";
import { term } from "../../i18n/vocabulary";
import { SQM_PER_MU_ROUNDED as SQM_PER_MU } from "../../listings/units";
import { caughtUp, workbookStream } from "../../workbook-stream";
import type { ProjectRow } from "./rows";
import { unitsText } from "./units";

/*
 * The 招商台账 and 项目储备库 as real .xlsx: amounts are numbers of 万元 with a number format, dates
 * are Excel dates showing Asia/Shanghai wall time, a title block says what the sheet covers, and
 * the header row is frozen and filterable. Written with exceljs's streaming writer — each row is
 * committed as it is read and the zip streams out — so memory stays flat however many rows.
 */

export const projectColumns = [
  "index",
  "company",
  "industry",
  "investment",
  "tax",
  "needArea",
  "needAreaUnit",
  "stage",
  "owner",
  "source",
  "park",
  "received",
  "lastActivity",
  "signedAt",
  "signedArea",
  "signedAreaUnit",
  "signedTax",
  "units",
  "taxPerMu",
] as const;
export type ProjectColumn = (typeof projectColumns)[number];

const WAN = "#,##0.00";
const AREA = "#,##0.00";
const DATE_TIME = "yyyy-mm-dd hh:mm";
const DATE = "yyyy-mm-dd";

/** Excel has no time zones: the cell holds the Shanghai wall time (UTC+8 all year, no DST). */
export function excelDate(value: Date | null): Date | null {
  return value ? new Date(value.getTime() + SHANGHAI_OFFSET_MS) : null;
}

/** 亩均税收: expected tax over the land wanted in 亩; only land needs have one (a floor area in m² is not land). */
export function taxPerMu(row: Pick<ProjectRow, "tax" | "needArea" | "needAreaUnit" | "needKind">): number | null {
  if (row.tax === null || row.needArea === null || row.needArea <= 0) return null;
  const mu = row.needAreaUnit === "MU" ? row.needArea : row.needKind === "LAND" ? row.needArea / SQM_PER_MU : null;
  return mu === null ? null : Math.round((row.tax / mu) * 100) / 100;
}

type Cell = string | number | Date | null;
interface Context {
  locale: Locale;
  messages: Messages;
}
const unit = (value: ProjectRow["needAreaUnit"], { messages }: Context) =>
  value === null ? null : value === "MU" ? messages.units.mu : messages.units.sqm;

const COLUMNS: Record<
  ProjectColumn,
  { width: number; numFmt?: string; value: (row: ProjectRow, index: number, context: Context) => Cell }
> = {
  index: { width: 6, value: (_row, index) => index },
  company: { width: 32, value: (row) => row.company },
  industry: {
    width: 20,
    value: (row) =>
      row.industry && row.use && row.industry !== row.use ? `${row.industry} / ${row.use}` : (row.industry ?? row.use),
  },
  investment: { width: 14, numFmt: WAN, value: (row) => row.investment },
  tax: { width: 16, numFmt: WAN, value: (row) => row.tax },
  needArea: { width: 12, numFmt: AREA, value: (row) => row.needArea },
  needAreaUnit: { width: 8, value: (row, _index, context) => unit(row.needAreaUnit, context) },
  stage: { width: 10, value: (row, _index, { locale }) => localized(locale, row.stageName, row.stageNameEn) },
  owner: { width: 12, value: (row, _index, { messages }) => row.ownerName ?? messages.vocabulary.pool },
  source: { width: 12, value: (row, _index, { messages }) => term(messages.vocabulary, "source", row.source) },
  park: {
    width: 20,
    value: (row, _index, { locale }) =>
      row.parkName === null ? null : localized(locale, row.parkName, row.parkNameEn),
  },
  received: { width: 17, numFmt: DATE_TIME, value: (row) => excelDate(row.createdAt) },
  lastActivity: { width: 17, numFmt: DATE_TIME, value: (row) => excelDate(row.lastActivityAt) },
  signedAt: { width: 12, numFmt: DATE, value: (row) => excelDate(row.signedAt) },
  signedArea: { width: 12, numFmt: AREA, value: (row) => row.signedArea },
  signedAreaUnit: { width: 8, value: (row, _index, context) => unit(row.signedAreaUnit, context) },
  signedTax: { width: 16, numFmt: WAN, value: (row) => row.signedTax },
  units: { width: 30, value: (row, _index, context) => unitsText(row.units, context) },
  taxPerMu: { width: 14, numFmt: WAN, value: (row) => taxPerMu(row) },
};

export interface ProjectSheet {
  sheetName: string;
  title: string;
  /** what the sheet covers, under the title: period or threshold, filters, export time */
  notes: string[];
  columns: readonly ProjectColumn[];
  rows: AsyncIterable<ProjectRow[]>;
  locale: Locale;
  messages: Messages;
  /** the last row a sheet may have; Excel's limit unless a test asks for less */
  maxRows?: number;
}

const TITLE_ROWS = 2;
const HOLD_BACK_ROWS = 100;
/** Excel opens no sheet longer than this. */
const EXCEL_MAX_ROWS = 1_048_576;

async function writeSheet(out: PassThrough, sheet: ProjectSheet): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const headerRow = TITLE_ROWS + 1;
  const worksheet = workbook.addWorksheet(sheet.sheetName, { views: [{ state: "frozen", ySplit: headerRow }] });
  const context = { locale: sheet.locale, messages: sheet.messages };
  worksheet.columns = sheet.columns.map((key) => ({ key, width: COLUMNS[key].width }));
  // One style object per column, set on each cell: exceljs recognises an object it has seen and
  // skips working the style out again, which more than halves the time per row.
  const plain = {};
  const styles = sheet.columns.map((key) => (COLUMNS[key].numFmt ? { numFmt: COLUMNS[key].numFmt } : plain));
  const last = worksheet.getColumn(sheet.columns.length).letter;

  const title = worksheet.addRow([sheet.title]);
  title.font = { bold: true, size: 14 };
  const notes = worksheet.addRow([sheet.notes.join("    ")]);
  // The streaming writer takes merges only while their rows are still open.
  worksheet.mergeCells(`A1:${last}1`);
  worksheet.mergeCells(`A2:${last}2`);
  title.commit();
  notes.commit();
  const header = worksheet.addRow(sheet.columns.map((key) => sheet.messages.reportsExport.sheet.columns[key]));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7F1FB" } }));
  header.commit();
  worksheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: sheet.columns.length } };

  let index = 0;
  rows: for await (const batch of sheet.rows) {
    for (const row of batch) {
      // exceljs hands the zip whatever it is given: hold back while the reader is behind, often
      // enough that what waits between two of its reads stays small.
      if (index % HOLD_BACK_ROWS === 0) await caughtUp(out);
      if (out.destroyed) return;
      if (headerRow + index === (sheet.maxRows ?? EXCEL_MAX_ROWS) - 1) {
        worksheet.addRow([sheet.messages.reportsExport.sheet.truncated.replace("{rows}", String(index))]).commit();
        break rows;
      }
      index += 1;
      const values = sheet.columns.map((key) => COLUMNS[key].value(row, index, context));
      const line = worksheet.addRow(values);
      values.forEach((value, column) => {
        if (value !== null) line.getCell(column + 1).style = styles[column];
      });
      line.commit();
    }
  }
  worksheet.commit();
  await workbook.commit();
}

/**
 * The workbook as a byte stream for a Response; a failure half-way aborts the download rather than truncating it
 * silently.
 */
export function projectWorkbook(sheet: ProjectSheet): ReadableStream<Uint8Array> {
  return workbookStream((out) => writeSheet(out, sheet), {
    event: "report.workbook.failed",
    details: { sheet: sheet.sheetName },
  });
}
