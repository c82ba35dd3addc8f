import "server-only";
import type { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { localized } from "../../i18n/localized";
import type { Locale, Messages } from "../../i18n/messages";
import { term } from "../../i18n/vocabulary";
import type { DeliverySettings } from "../../settings/schema";
import { caughtUp, workbookStream } from "../../workbook-stream";
import { evaluateYear, yardsticksOf } from "../evaluation";
import { shanghaiDay } from "../../calendar/shanghai-time";
import { MILESTONE_KINDS } from "../types";
import type { ProgressRow } from "./rows";

/*
 * The 项目推进表 as a monthly 调度会 reads it: a merged title row naming the park and the day, two header rows
 * (the milestones and the evaluation year's actuals grouped over 计划/实际 and 实际/承诺), then one row per project.
 * Amounts are numbers of 万元, days real Excel dates, the header frozen; a terminated project says so in its
 * state. Written with exceljs's streaming writer, a row committed as it is read.
 */

type Cell = string | number | Date | null;

export interface SheetContext {
  locale: Locale;
  messages: Messages;
  rules: DeliverySettings;
  year: number;
}

interface Column {
  width: number;
  numFmt?: string;
  /** the header: one label over both header rows, or a group's label over its own sub-labels */
  header: (context: SheetContext) => string;
  sub?: (context: SheetContext) => string;
  value: (row: ProgressRow, index: number, context: SheetContext) => Cell;
}

const WAN = "#,##0.00";
const MU = "#,##0.00";
const DATE = "yyyy-mm-dd";
const PERCENT = "0.0%";

const words = (context: SheetContext) => context.messages.reportsDelivery.workbook;
/** A @db.Date is midnight UTC of its day, which Excel reads as that day. */
const dayOf = (value: Date | null) => value;
const signingDay = (value: Date) => new Date(`${shanghaiDay(value)}T00:00:00.000Z`);

function state(row: ProgressRow, context: SheetContext): string {
  const text = words(context).state;
  if (row.status === "TERMINATED")
    return text.terminated.replace("{day}", row.terminatedAt ? shanghaiDay(row.terminatedAt) : "");
  const parts = [
    ...(row.late > 0 ? [text.late.replace("{count}", String(row.late))] : []),
    ...(row.dueSoon > 0 ? [text.dueSoon.replace("{count}", String(row.dueSoon))] : []),
  ];
  return parts.length ? parts.join(text.separator) : text.normal;
}

function grade(row: ProgressRow, context: SheetContext): string | null {
  if (row.yearTax === null && row.yearOutput === null) return null;
  const park = { benchmarkTaxPerMu: row.benchmarkTaxPerMu, benchmarkOutputPerMu: row.benchmarkOutputPerMu };
  const evaluation = evaluateYear(
    context.rules,
    yardsticksOf(context.rules, park),
    { tax: row.yearTax, output: row.yearOutput },
    row.landMu,
  );
  return evaluation.grade
    ? term(context.messages.vocabulary, "evaluationClass", evaluation.grade)
    : words(context).unclassed;
}

function note(row: ProgressRow, context: SheetContext): string | null {
  const text = words(context).note;
  if (row.status === "TERMINATED" && row.terminationReason)
    return text.terminated.replace("{reason}", row.terminationReason);
  return row.replans > 0 ? text.replans.replace("{count}", String(row.replans)) : null;
}

const single = (
  key: keyof Messages["reportsDelivery"]["workbook"]["columns"],
  width: number,
  value: Column["value"],
  numFmt?: string,
): Column => ({ width, numFmt, header: (context) => words(context).columns[key], value });

const COLUMNS: Column[] = [
  single("index", 6, (_row, index) => index),
  single("name", 28, (row) => row.name),
  single("company", 28, (row) => row.companyName),
  single("creditCode", 22, (row) => row.creditCode),
  single("park", 16, (row, _index, { locale }) =>
    row.parkName === null ? null : localized(locale, row.parkName, row.parkNameEn),
  ),
  single("industry", 14, (row) => row.industry),
  single("owner", 12, (row) => row.ownerName),
  single("signedAt", 12, (row) => signingDay(row.signedAt), DATE),
  single("totalInvestment", 12, (row) => row.totalInvestment, WAN),
  single("fixedAssetInvestment", 12, (row) => row.fixedAssetInvestment, WAN),
  single("annualOutput", 12, (row) => row.annualOutput, WAN),
  single("annualTax", 12, (row) => row.annualTax, WAN),
  single("landMu", 10, (row) => row.landMu, MU),
  ...MILESTONE_KINDS.flatMap((kind): Column[] =>
    (["planned", "actual"] as const).map((which) => ({
      width: 11,
      numFmt: DATE,
      header: (context) => term(context.messages.vocabulary, "milestoneKind", kind),
      sub: (context) => words(context).columns[which],
      value: (row) => dayOf(row.milestones[kind][which]),
    })),
  ),
  single("paid", 12, (row) => row.paid ?? 0, WAN),
  single("paidRate", 9, (row) => (row.totalInvestment ? (row.paid ?? 0) / row.totalInvestment : null), PERCENT),
  ...(["output", "tax"] as const).flatMap((figure): Column[] =>
    (["actual", "promised"] as const).map((which) => ({
      width: 12,
      numFmt: WAN,
      header: (context) => words(context).columns[figure].replace("{year}", String(context.year)),
      sub: (context) => words(context).columns[which],
      value: (row) =>
        figure === "output"
          ? which === "actual"
            ? row.yearOutput
            : row.annualOutput
          : which === "actual"
            ? row.yearTax
            : row.annualTax,
    })),
  ),
  single("grade", 16, (row, _index, context) => grade(row, context)),
  single("state", 18, (row, _index, context) => state(row, context)),
  single("supervision", 30, (row, _index, context) =>
    row.supervisionTitle === null
      ? null
      : `${row.supervisionTitle}（${term(context.messages.vocabulary, "supervisionStatus", row.supervisionStatus)}）`,
  ),
  single("note", 30, (row, _index, context) => note(row, context)),
];

/** Excel's header cells: the label of each column's group (row 2) and its own label under it (row 3). */
export function headerRows(context: SheetContext): [string[], string[]] {
  return [
    COLUMNS.map((column) => column.header(context)),
    COLUMNS.map((column) => (column.sub ? column.sub(context) : column.header(context))),
  ];
}

export interface ProgressSheet {
  title: string;
  rows: AsyncIterable<ProgressRow[]>;
  context: SheetContext;
}

const HOLD_BACK_ROWS = 100;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7F1FB" } };

async function writeSheet(out: PassThrough, sheet: ProgressSheet): Promise<void> {
  const { context } = sheet;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(words(context).sheetName, {
    views: [{ state: "frozen", ySplit: 3, xSplit: 2 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  worksheet.columns = COLUMNS.map((column) => ({ width: column.width }));
  const styles = COLUMNS.map((column) => (column.numFmt ? { numFmt: column.numFmt } : {}));
  const last = worksheet.getColumn(COLUMNS.length).letter;

  const title = worksheet.addRow([sheet.title]);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  title.height = 28;
  const [groups, subs] = headerRows(context);
  const top = worksheet.addRow(groups);
  const bottom = worksheet.addRow(subs);
  // The streaming writer takes merges only while their rows are still open.
  worksheet.mergeCells(`A1:${last}1`);
  for (let index = 0; index < COLUMNS.length;) {
    const column = COLUMNS[index];
    const letter = worksheet.getColumn(index + 1).letter;
    if (!column.sub) {
      worksheet.mergeCells(`${letter}2:${letter}3`);
      index += 1;
      continue;
    }
    let end = index;
    while (end + 1 < COLUMNS.length && COLUMNS[end + 1].sub && groups[end + 1] === groups[index]) end += 1;
    worksheet.mergeCells(`${letter}2:${worksheet.getColumn(end + 1).letter}2`);
    index = end + 1;
  }
  for (const row of [top, bottom]) {
    row.font = { bold: true };
    row.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    row.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.border = {
        top: { style: "thin" },
        left: { style: "thin" },
        bottom: { style: "thin" },
        right: { style: "thin" },
      };
    });
  }
  title.commit();
  top.commit();
  bottom.commit();

  let index = 0;
  for await (const batch of sheet.rows) {
    for (const row of batch) {
      if (index % HOLD_BACK_ROWS === 0) await caughtUp(out);
      if (out.destroyed) return;
      index += 1;
      const values = COLUMNS.map((column) => column.value(row, index, context));
      const line = worksheet.addRow(values);
      values.forEach((value, position) => {
        if (value !== null) line.getCell(position + 1).style = styles[position];
      });
      line.commit();
    }
  }
  worksheet.commit();
  await workbook.commit();
}

/** The workbook as a byte stream for a Response; a failure half-way aborts the download. */
export function progressWorkbook(sheet: ProgressSheet): ReadableStream<Uint8Array> {
  return workbookStream((out) => writeSheet(out, sheet), { event: "project.export.failed" });
}
