import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { localized } from "../../i18n/localized";
import { loadMessages, type Locale, type Messages } from "../../i18n/messages";
import { term } from "../../i18n/vocabulary";
import { phoneFor, WORKSPACE_ROLES } from "../access";
import { leadFilterWhere, type LeadFilter } from "../filter/filter";
import { inboxQuerySchema } from "./schema";
import type { Prisma } from "../../db/generated/client";
import type { Direction, InboxSort } from "./cursor";
import { leadsWorkbook } from "./export-workbook";
import { readInOrder, sortValueOf, type LeadRow, type Position } from "./order";
import { csvLine } from "../../csv";
import { toShanghaiLocal } from "../../calendar/shanghai-time";

/*
 * The CSV and .xlsx exports of the inbox's current filter and order, with the columns an import reads
 * back (lib/leads/import). Rows are read in keyset batches and written as they come, so a million leads
 * never sit in memory. The CSV is UTF-8 with a byte-order mark: without it Excel on Windows reads the
 * file as GBK and shows the Chinese as mojibake.
 */

export const EXPORT_BATCH = 1000;
const BOM = "\uFEFF";

/** 2026-11-27 09:30 in Asia/Shanghai (UTC+8 all year), as ledgers write it. */
export function shanghaiDateTime(value: Date | null): string {
  if (!value) return "";
  return toShanghaiLocal(value).replace("T", " ");
}

function header(messages: Messages): string[] {
  const t = messages.inbox.csv;
  return [
    t.stage,
    t.owner,
    t.company,
    t.contact,
    t.phone,
    t.deal,
    t.kind,
    t.area,
    t.areaUnit,
    t.use,
    t.tax,
    t.investment,
    t.score,
    t.source,
    t.medium,
    t.listing,
    t.park,
    t.received,
    t.lastActivity,
    t.nextFollowUp,
  ];
}

/** A row's cells; decimals and times as values, so each format writes them its own way. */
function values(row: ExportRow, viewer: Viewer, locale: Locale, messages: Messages): ExportValue[] {
  return [
    localized(locale, row.stage.name, row.stage.nameEn),
    row.owner?.name ?? messages.vocabulary.pool,
    row.company,
    row.contactName,
    phoneFor(viewer, row),
    row.needDeal ? messages.inbox.deal[row.needDeal] : null,
    row.needKind ? messages.kind[row.needKind] : null,
    row.needArea ?? null,
    row.needAreaUnit ? (row.needAreaUnit === "MU" ? messages.units.mu : messages.units.sqm) : null,
    row.use,
    row.expectedAnnualTax ?? null,
    row.investment ?? null,
    row.score,
    term(messages.vocabulary, "source", row.source),
    term(messages.vocabulary, "medium", row.firstUtmMedium),
    row.listing ? localized(locale, row.listing.title, row.listing.titleEn) : null,
    row.park ? localized(locale, row.park.name, row.park.nameEn) : null,
    row.createdAt,
    row.lastActivityAt,
    row.nextFollowUpAt,
  ];
}

type ExportValue = string | number | Date | Prisma.Decimal | null;

const csvValue = (value: ExportValue) =>
  value instanceof Date ? shanghaiDateTime(value) : typeof value === "object" && value ? value.toFixed() : value;

/**
 * The filter as the audit log keeps it: the search text is what an officer typed to find a person (a
 * phone, a name), so only that there was one and its length are kept, never the text; a person's
 * erasure could not find it there again.
 */
export function auditedFilter({ q, ...filter }: LeadFilter) {
  return { filter, ...(q ? { search: { characters: Array.from(q).length } } : {}) };
}

export type ExportResult =
  | { ok: true; filename: string; format: ExportFormat; rows: number; body: ReadableStream<Uint8Array> }
  | { ok: false; fieldErrors: FieldErrors };

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The row as the export reads it: the inbox's row, plus the use and investment an import needs back. */
type ExportRow = LeadRow & { use: string | null; investment: Prisma.Decimal | null };

/** The filter's leads in the inbox's order, batch by batch, each batch with its use and investment. */
async function* exportBatches(
  db: Database,
  query: { where: Prisma.LeadWhereInput; sort: InboxSort; direction: Direction },
  batchSize: number,
): AsyncGenerator<ExportRow[]> {
  let from: Position | null = null;
  for (;;) {
    const batch = await readInOrder(db, { ...query, from, take: batchSize });
    if (batch.length === 0) return;
    const extra = await db.lead.findMany({
      where: { id: { in: batch.map((row) => row.id) } },
      select: { id: true, use: true, investment: true },
    });
    const byId = new Map(extra.map((row) => [row.id, row]));
    yield batch.map((row) => ({
      ...row,
      use: byId.get(row.id)?.use ?? null,
      investment: byId.get(row.id)?.investment ?? null,
    }));
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    from = { value: sortValueOf(query.sort, last), id: last.id };
  }
}

/**
 * The leads of the inbox filter the viewer may see, as CSV in their language. The export is
 * audited ("lead.export": filter without the search text, order, row count, format) before the first byte leaves;
 * staff get their own and pool leads only, with pool phones masked as on screen.
 */
export function exportLeadsCsv(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  options: { locale: Locale; now?: Date; batchSize?: number },
): Promise<ExportResult> {
  return exportIn(db, viewer, input, { ...options, format: "csv" });
}

/**
 * The same leads and columns as CSV or, with format "xlsx", as an .xlsx workbook (exceljs's streaming writer, so
 * memory stays flat): numbers are numbers, times are Excel dates showing Shanghai wall time to the minute, as the
 * CSV writes them. A format other than these two is refused like a filter that cannot be read.
 */
export async function exportLeads(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  options: { locale: Locale; now?: Date; batchSize?: number; format: unknown },
): Promise<ExportResult> {
  assertRole(viewer, WORKSPACE_ROLES, "export leads");
  const format = options.format ?? "csv";
  if (!(EXPORT_FORMATS as readonly unknown[]).includes(format)) return { ok: false, fieldErrors: { format: "choice" } };
  return exportIn(db, viewer, input, { ...options, format: format as ExportFormat });
}

async function exportIn(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  options: { locale: Locale; now?: Date; batchSize?: number; format: ExportFormat },
): Promise<ExportResult> {
  assertRole(viewer, WORKSPACE_ROLES, "export leads");
  const parsed = inboxQuerySchema.omit({ cursor: true }).safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { filter, sort, direction } = parsed.data;
  const { locale, format } = options;
  const now = options.now ?? new Date();
  const where = leadFilterWhere(filter, viewer, now);
  const messages = await loadMessages(locale);
  const rows = await db.lead.count({ where });
  await recordAudit(db, {
    actorId: viewer.id,
    action: "lead.export",
    entityType: "Lead",
    entityId: "export",
    details: { ...auditedFilter(filter), sort, direction, rows, locale, format },
  });

  const batches = exportBatches(db, { where, sort, direction }, options.batchSize ?? EXPORT_BATCH);
  const lines = (async function* () {
    for await (const batch of batches) yield batch.map((row) => values(row, viewer, locale, messages));
  })();
  const body =
    format === "xlsx"
      ? leadsWorkbook(messages.inbox.csv.filename, header(messages), lines)
      : leadsCsv(header(messages), lines);
  const stamp = shanghaiDateTime(now)
    .replace(/[-: ]/g, "")
    .replace(/^(\d{8})/, "$1-");
  return { ok: true, filename: `${messages.inbox.csv.filename}-${stamp}.${format}`, format, rows, body };
}

function leadsCsv(header: string[], lines: AsyncIterator<ExportValue[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(header)));
        return;
      }
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map((line) => csvLine(line.map(csvValue))).join("")));
    },
    async cancel() {
      await lines.return?.();
    },
  });
}
