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
import { readInOrder, sortValueOf, type LeadRow, type Position } from "./order";
import { csvLine } from "../../csv";
import { toShanghaiLocal } from "../../calendar/shanghai-time";

/*
 * The CSV export of the inbox's current filter and order. Rows are read in keyset batches and
 * written as they come, so a million leads never sit in memory. UTF-8 with a byte-order mark:
 * without it Excel on Windows reads the file as GBK and shows the Chinese as mojibake.
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
    t.tax,
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

function cells(row: LeadRow, viewer: Viewer, locale: Locale, messages: Messages): (string | number | null)[] {
  return [
    localized(locale, row.stage.name, row.stage.nameEn),
    row.owner?.name ?? messages.vocabulary.pool,
    row.company,
    row.contactName,
    phoneFor(viewer, row),
    row.needDeal ? messages.inbox.deal[row.needDeal] : null,
    row.needKind ? messages.kind[row.needKind] : null,
    row.needArea?.toFixed() ?? null,
    row.needAreaUnit ? (row.needAreaUnit === "MU" ? messages.units.mu : messages.units.sqm) : null,
    row.expectedAnnualTax?.toFixed() ?? null,
    row.score,
    term(messages.vocabulary, "source", row.source),
    term(messages.vocabulary, "medium", row.firstUtmMedium),
    row.listing ? localized(locale, row.listing.title, row.listing.titleEn) : null,
    row.park ? localized(locale, row.park.name, row.park.nameEn) : null,
    shanghaiDateTime(row.createdAt),
    shanghaiDateTime(row.lastActivityAt),
    shanghaiDateTime(row.nextFollowUpAt),
  ];
}

/**
 * The filter as the audit log keeps it: the search text is what an officer typed to find a person (a
 * phone, a name), so only that there was one and its length are kept, never the text; a person's
 * erasure could not find it there again.
 */
export function auditedFilter({ q, ...filter }: LeadFilter) {
  return { filter, ...(q ? { search: { characters: Array.from(q).length } } : {}) };
}

export type ExportResult =
  | { ok: true; filename: string; rows: number; body: ReadableStream<Uint8Array> }
  | { ok: false; fieldErrors: FieldErrors };

/**
 * The leads of the inbox filter the viewer may see, as CSV in their language. The export is
 * audited ("lead.export": filter without the search text, order, row count) before the first byte leaves; staff get
 * their own and pool leads only, with pool phones masked as on screen.
 */
export async function exportLeadsCsv(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  options: { locale: Locale; now?: Date; batchSize?: number },
): Promise<ExportResult> {
  assertRole(viewer, WORKSPACE_ROLES, "export leads");
  const parsed = inboxQuerySchema.omit({ cursor: true }).safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { filter, sort, direction } = parsed.data;
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? EXPORT_BATCH;
  const where = leadFilterWhere(filter, viewer, now);
  const messages = await loadMessages(options.locale);
  const rows = await db.lead.count({ where });
  await recordAudit(db, {
    actorId: viewer.id,
    action: "lead.export",
    entityType: "Lead",
    entityId: "export",
    details: { ...auditedFilter(filter), sort, direction, rows, locale: options.locale },
  });

  const encoder = new TextEncoder();
  let from: Position | null = null;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(header(messages))));
        return;
      }
      const batch = await readInOrder(db, { where, sort, direction, from, take: batchSize });
      if (batch.length) {
        controller.enqueue(
          encoder.encode(batch.map((row) => csvLine(cells(row, viewer, options.locale, messages))).join("")),
        );
        const last = batch[batch.length - 1];
        from = { value: sortValueOf(sort, last), id: last.id };
      }
      if (batch.length < batchSize) controller.close();
    },
  });
  const stamp = shanghaiDateTime(now)
    .replace(/[-: ]/g, "")
    .replace(/^(\d{8})/, "$1-");
  return { ok: true, filename: `${messages.inbox.csv.filename}-${stamp}.csv`, rows, body };
}
