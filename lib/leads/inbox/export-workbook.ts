import "server-only";
import type { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { SHANGHAI_OFFSET_MS } from "../../calendar/shanghai-time";
import { caughtUp, workbookStream } from "../../workbook-stream";

/*
 * The inbox export as an .xlsx: one header row (frozen, filterable), then the rows as they are read.
 * exceljs's streaming writer commits each row and the zip streams out as the reader asks for it, so a
 * long export holds a few rows in memory, not the file.
 */

/** A cell: text, a number, an exact decimal (written as a number), or a moment. */
export type WorkbookValue = string | number | Date | { toNumber(): number } | null;

const DATE_TIME = "yyyy-mm-dd hh:mm";
const HOLD_BACK_ROWS = 100;
const MINUTE = 60_000;

/**
 * Excel has no time zones: the cell holds the Shanghai wall time, to the minute as the CSV writes it,
 * so reading either file gives the same text.
 */
function excelMinute(value: Date): Date {
  return new Date(Math.floor(value.getTime() / MINUTE) * MINUTE + SHANGHAI_OFFSET_MS);
}

async function write(
  out: PassThrough,
  sheetName: string,
  header: string[],
  lines: AsyncIterator<WorkbookValue[][]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = header.map(() => ({ width: 16 }));
  const headerRow = worksheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.commit();
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  // One style object for every date cell: exceljs skips working out a style it has seen.
  const dateStyle = { numFmt: DATE_TIME };
  let count = 0;
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    for (const line of next.value) {
      if (count++ % HOLD_BACK_ROWS === 0) await caughtUp(out);
      if (out.destroyed) return;
      const row = worksheet.addRow(
        line.map((value) =>
          value instanceof Date
            ? excelMinute(value)
            : value !== null && typeof value === "object"
              ? value.toNumber()
              : value,
        ),
      );
      line.forEach((value, index) => {
        if (value instanceof Date) row.getCell(index + 1).style = dateStyle;
      });
      row.commit();
    }
  }
  worksheet.commit();
  await workbook.commit();
}

/** The workbook as a byte stream for a Response (lib/workbook-stream.ts). */
export function leadsWorkbook(
  sheetName: string,
  header: string[],
  lines: AsyncIterator<WorkbookValue[][]>,
): ReadableStream<Uint8Array> {
  return workbookStream((out) => write(out, sheetName, header, lines), {
    event: "lead.export.workbook.failed",
    onCancel: async () => lines.return?.(),
  });
}
