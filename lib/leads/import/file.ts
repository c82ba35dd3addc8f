import "server-only";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { recogniseColumns } from "./columns";
import type { ImportField, ImportSheet, ImportSheetRow } from "./types";

/*
 * Reading an uploaded .xlsx or .csv into rows of text: the header row found under any title block,
 * every cell as the person sees it in Excel. Nothing is interpreted here beyond that; columns.ts
 * says what each column is and row.ts reads the values.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
/** More columns than any ledger has: a sheet wider than this is not a list of leads. */
export const MAX_IMPORT_COLUMNS = 200;
/** The header row is looked for among the first rows with anything in them; above it is a title block. */
const HEADER_SEARCH_ROWS = 10;

/**
 * A file that cannot be imported. `key` is a message of leadImport.errors, with the number its
 * message shows after a colon, as the form's validation keys do ("tooLarge:10").
 */
export class ImportFileError extends Error {
  constructor(readonly key: string) {
    super(`Import file refused: ${key}`);
    this.name = "ImportFileError";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The old binary .xls (and .doc…): a compound file. */
const COMPOUND_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

/** How the header row is told from a title block: the columns a row's cells are recognised as, per kind. */
export interface HeaderRecognition {
  recognise: (cells: string[]) => Record<string, string>;
  /** the refusal when no row is recognised ("noHeader" for leads) */
  noHeader: string;
}

/**
 * The file's header and data rows. `remembered` (rememberedMapping) lets a header the admin mapped
 * before count as recognised when the header row is looked for; `header` recognises another kind's
 * columns instead of leads' (a units import's 租控表).
 */
export async function readImportFile(
  bytes: Uint8Array,
  fileName: string,
  {
    remembered = {},
    header = { recognise: (cells) => recogniseColumns(cells, remembered), noHeader: "noHeader" },
  }: { remembered?: Record<string, ImportField>; header?: HeaderRecognition } = {},
): Promise<ImportSheet> {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension !== "xlsx" && extension !== "csv") throw new ImportFileError("unsupportedType");
  if (bytes.byteLength === 0) throw new ImportFileError("empty");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportFileError(`tooLarge:${MAX_IMPORT_BYTES / 1024 / 1024}`);
  const zip = startsWith(bytes, ZIP_MAGIC);
  if (extension === "xlsx") {
    if (!zip) throw new ImportFileError("notXlsx");
    return sheetOf("xlsx", null, await xlsxRows(bytes), header);
  }
  // A workbook saved with a .csv name, or an .xls: the bytes are not text.
  if (zip || startsWith(bytes, COMPOUND_MAGIC)) throw new ImportFileError("notCsv");
  const { text, encoding } = decodeText(bytes);
  return sheetOf("csv", encoding, csvRows(text), header);
}

/** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, otherwise GB18030, which covers GBK and GB2312. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** A row as read: its number in the sheet and its cells; trailing empty cells already dropped. */
type RawRow = ImportSheetRow;

function sheetOf(
  fileType: ImportSheet["fileType"],
  encoding: string | null,
  rows: RawRow[],
  header: HeaderRecognition,
): ImportSheet {
  const filled = rows.filter((row) => row.cells.length > 0);
  if (filled.length === 0) throw new ImportFileError("empty");
  const headerIndex = filled
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((row) => Object.keys(header.recognise(row.cells)).length >= 2);
  if (headerIndex < 0) throw new ImportFileError(header.noHeader);
  const headerRow = filled[headerIndex];
  const data = filled.slice(headerIndex + 1);
  if (data.length === 0) throw new ImportFileError("noRows");
  if (data.length > MAX_IMPORT_ROWS) throw new ImportFileError(`tooManyRows:${MAX_IMPORT_ROWS}`);
  const width = headerRow.cells.length;
  return {
    fileType,
    encoding,
    headerRow: headerRow.rowNumber,
    headers: headerRow.cells,
    rows: data.map((row) => ({
      rowNumber: row.rowNumber,
      cells:
        row.cells.length >= width ? row.cells : [...row.cells, ...Array<string>(width - row.cells.length).fill("")],
    })),
  };
}

/** Cells with their trailing empty ones dropped, so a blank row has none; refuses an absurdly wide sheet. */
function trimmedCells(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === "") end -= 1;
  if (end > MAX_IMPORT_COLUMNS) throw new ImportFileError(`tooManyColumns:${MAX_IMPORT_COLUMNS}`);
  return end === cells.length ? cells : cells.slice(0, end);
}

/** Rows counted as they stand in the sheet; more than the limit (plus a title block and header) stops the read. */
function guardRowCount(rows: RawRow[]) {
  if (rows.length > MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS + 1)
    throw new ImportFileError(`tooManyRows:${MAX_IMPORT_ROWS}`);
}

// ---- CSV -------------------------------------------------------------------------------------------

const DELIMITERS = [",", "\t", ";"] as const;
/** What the delimiter is judged on: the start of the file, where any title block and the header are. */
const SNIFF_CHARACTERS = 64 * 1024;

/** The app's own CSV writes text starting with = + - @ or a tab behind a ' (lib/csv.ts): read it back without it. */
const NEUTRALISED = /^'(?=[=+\-@\t\r])/;

function parseCsv(text: string, delimiter: string, to?: number): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ...(to ? { to } : {}),
  }) as string[][];
}

/** The delimiter under which the header row names the most known columns; a comma unless another does better. */
function sniffDelimiter(text: string): string {
  const head = text.slice(0, SNIFF_CHARACTERS);
  let best: { delimiter: string; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of DELIMITERS) {
    let records: string[][];
    try {
      records = parseCsv(head, delimiter, HEADER_SEARCH_ROWS * 2);
    } catch {
      continue;
    }
    const score = Math.max(0, ...records.map((cells) => Object.keys(recogniseColumns(cells.map(csvText))).length));
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function csvText(cell: string): string {
  return cell.trim().replace(NEUTRALISED, "");
}

function csvRows(text: string): RawRow[] {
  if (text.includes("\u0000")) throw new ImportFileError("unreadable");
  let records: string[][];
  try {
    records = parseCsv(text, sniffDelimiter(text));
  } catch {
    throw new ImportFileError("unreadable");
  }
  const rows = records.map((cells, index) => ({ rowNumber: index + 1, cells: trimmedCells(cells.map(csvText)) }));
  guardRowCount(rows.filter((row) => row.cells.length > 0));
  return rows;
}

// ---- xlsx ------------------------------------------------------------------------------------------

/** A number as Excel shows it: 15 significant digits, so 1234.4999999999998 reads 1234.5. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return "";
  return String(Number(value.toPrecision(15)));
}

/**
 * A date cell: the workbooks this app writes (lib/reports/ledger/sheet.ts excelDate) and people's
 * own hold Shanghai wall time with no zone, which exceljs reads as that time in UTC; rounded to the
 * minute, since Excel's day fractions rarely land on one exactly.
 */
export function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return "";
  const minute = new Date(Math.round(value.getTime() / 60_000) * 60_000);
  return minute.toISOString().slice(0, 16).replace("T", " ");
}

type CellValue = ExcelJS.CellValue;

function cellText(value: CellValue, isDate: boolean): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return isDate ? dateText(excelSerialDate(value)) : numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  if ("richText" in value)
    return value.richText
      .map((part) => part.text)
      .join("")
      .trim();
  if ("result" in value || "formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || (typeof result === "object" && result !== null && !(result instanceof Date))
      ? ""
      : cellText(result as CellValue, isDate);
  }
  if ("text" in value) return String(value.text).trim();
  // An error cell (#N/A, #DIV/0!) shows its code; the row's field then reads it as invalid.
  if ("error" in value) return String(value.error);
  return "";
}

/** Excel's day count (1900 system) as a Date holding the wall time in UTC, for a formula's date result. */
function excelSerialDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

const DATE_FORMAT = /[dmyhs]/i;
const isDateFormat = (numFmt: string | undefined) =>
  !!numFmt && DATE_FORMAT.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "")) && !/^general$/i.test(numFmt);

/**
 * Reads the whole workbook, not exceljs's streaming reader: that one decodes each inflated chunk of
 * a sheet's XML as UTF-8 on its own, so a Chinese character split across two chunks comes out as
 * "\uFFFD\uFFFD" (about one cell in 4,000 of a 20,000-row file). The whole-file reader decodes each
 * part of the zip at once; a 10 MB file costs a few hundred MB while it is read.
 */
async function xlsxRows(bytes: Uint8Array): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    // The first worksheet with anything in it.
    for (const worksheet of workbook.worksheets) {
      const rows: RawRow[] = [];
      worksheet.eachRow({ includeEmpty: false }, (row) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          if (column > MAX_IMPORT_COLUMNS) throw new ImportFileError(`tooManyColumns:${MAX_IMPORT_COLUMNS}`);
          // A date format on a number cell that exceljs did not turn into a Date (a formula's result).
          const text = cellText(cell.value, typeof cell.value === "object" && isDateFormat(cell.numFmt));
          while (cells.length < column - 1) cells.push("");
          cells[column - 1] = text;
        });
        const trimmed = trimmedCells(cells);
        if (trimmed.length === 0) return;
        rows.push({ rowNumber: row.number, cells: trimmed });
        guardRowCount(rows);
      });
      if (rows.length > 0) return rows;
    }
    return [];
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError("unreadable");
  }
}
