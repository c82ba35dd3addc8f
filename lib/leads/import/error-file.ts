import "server-only";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { createTranslator } from "use-intl/core";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { csvLine } from "../../csv";
import type { Locale, Messages } from "../../i18n/messages";
import { validationMessage } from "../../i18n/validation";
import { UNIT_IMPORT_FIELDS } from "../../inventory/import/schema";
import { importRolesOf, type ImportKind } from "./schema";
import { IMPORT_FIELDS } from "./types";

/*
 * The error file: the rows an import could not take, as the admin gave them (the header row and
 * each row's cells) with a reason column in the admin's language, in the upload's own format, so
 * the admin corrects them in the same spreadsheet and imports them again.
 */

export interface ImportErrorFile {
  fileName: string;
  contentType: string;
  body: Uint8Array;
  rows: number;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Why a row is in the file: each field's problem ("手机号：请输入 11 位中国大陆手机号"), or the row's failure. */
export function importRowReason(
  row: { errors: unknown; reason: string | null },
  messages: Messages,
  locale: Locale,
  kind: ImportKind = "LEADS",
): string {
  type Translate = (key: string, values?: Record<string, number>) => string;
  const t = createTranslator({ locale, messages }) as unknown as Translate;
  const units = kind === "UNITS";
  const labels = (units ? messages.unitImport.mapping.fields : messages.leadImport.mapping.fields) as Record<
    string,
    string
  >;
  const fields: readonly string[] = units ? UNIT_IMPORT_FIELDS : IMPORT_FIELDS;
  const separator = locale === "en" ? "; " : "；";
  const colon = locale === "en" ? ": " : "：";
  if (row.errors && typeof row.errors === "object") {
    // In the form's order of fields: a JSON column keeps keys in an order of its own.
    const rank = (field: string) => fields.indexOf(field) >>> 0;
    return Object.entries(row.errors as Record<string, string>)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([field, key]) => `${labels[field] ?? field}${colon}${validationMessage(t, key)}`)
      .join(separator);
  }
  return row.reason ? validationMessage(t, row.reason) : "";
}

export async function importErrorFile(
  db: Database,
  viewer: Viewer | null,
  id: string,
  context: { locale: Locale; messages: Messages },
  kind: ImportKind = "LEADS",
): Promise<ImportErrorFile | null> {
  assertRole(viewer, importRolesOf(kind), "download import errors");
  const job = await db.importJob.findUnique({
    where: { id, kind },
    select: { fileName: true, fileType: true, headers: true },
  });
  if (!job) return null;
  const rows = await db.importRow.findMany({
    where: {
      jobId: id,
      OR: [{ result: "FAILED" }, { errors: { not: Prisma.DbNull } }],
    },
    orderBy: { rowNumber: "asc" },
    select: { cells: true, errors: true, reason: true },
  });
  const header = [...(job.headers as string[]), context.messages.leadImport.errorFile.reason];
  const lines = rows.map((row) => {
    const cells = row.cells as string[];
    const padded = header.slice(0, -1).map((_, index) => cells[index] ?? "");
    return [...padded, importRowReason(row, context.messages, context.locale, kind)];
  });
  await recordAudit(db, {
    actorId: viewer.id,
    action: "import.errors",
    entityType: "ImportJob",
    entityId: id,
    details: { fileName: job.fileName, rows: rows.length },
  });
  const base = job.fileName.replace(/\.(xlsx|csv)$/i, "");
  const fileName = `${base}-${context.messages.leadImport.errorFile.suffix}.${job.fileType}`;
  if (job.fileType === "xlsx") {
    return { fileName, contentType: XLSX_TYPE, body: await workbookOf(header, lines), rows: rows.length };
  }
  // With a BOM: Excel on Windows reads a CSV without one in the system's code page, not UTF-8.
  const text = `\uFEFF${[header, ...lines].map(csvLine).join("")}`;
  return { fileName, contentType: "text/csv; charset=utf-8", body: new TextEncoder().encode(text), rows: rows.length };
}

async function workbookOf(header: string[], lines: string[][]): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("errors", { views: [{ state: "frozen", ySplit: 1 }] });
  const top = sheet.addRow(header);
  top.font = { bold: true };
  top.commit();
  for (const line of lines) sheet.addRow(line).commit();
  sheet.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
