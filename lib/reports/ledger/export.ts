import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { formatDateTime } from "../../i18n/format";
import { loadMessages, type Locale } from "../../i18n/messages";
import { WORKSPACE_ROLES } from "../../leads/access";
import { exportName, type ExportFile } from "../export/reports";
import { describeView } from "../export/view";
import { parseReportFilter, reportLeadsSql, type UrlParams } from "../filters";
import { instant, projectRows, projectRowsOf, type ProjectRow } from "./rows";
import { projectColumns, projectWorkbook } from "./sheet";

/*
 * The 招商台账 of a period: one row per project (a lead; never one merged into another) among the
 * leads the report filters select that was received in the period, or received before it and moved
 * stage in it (a stage change dated inside it), in the order received. Leads received after the
 * period are not in it. Read in two runs that follow each other in that order: the earlier leads
 * that moved, found from the period's stage changes (their ids only, then their rows in batches),
 * then the period's new leads along Lead_createdAt_id_idx — never a scan of every older lead.
 */

export type WorkbookExport =
  ({ ok: true; body: ReadableStream<Uint8Array> } & ExportFile) | { ok: false; fieldErrors: FieldErrors };

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function* ledgerRows(db: Database, from: Date, to: Date, scope: Prisma.Sql): AsyncGenerator<ProjectRow[]> {
  const moved = await db.$queryRaw<{ id: string }[]>`
    SELECT l."id" FROM "Lead" l
    WHERE ${scope} AND l."createdAt" < ${instant(from)}
      AND l."id" IN (SELECT c."leadId" FROM "StageChange" c WHERE c."changedAt" >= ${instant(from)}
        AND c."changedAt" < ${instant(to)})
    ORDER BY l."createdAt", l."id"`;
  yield* projectRowsOf(
    db,
    moved.map((row) => row.id),
  );
  yield* projectRows(db, Prisma.sql`${scope} AND l."createdAt" >= ${instant(from)} AND l."createdAt" < ${instant(to)}`);
}

export async function exportLedger(
  db: Database,
  viewer: Viewer | null,
  params: UrlParams,
  options: { locale: Locale; now?: Date },
): Promise<WorkbookExport> {
  assertRole(viewer, WORKSPACE_ROLES, "export the project ledger");
  const parsed = parseReportFilter(params);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const filter = parsed.data;
  const now = options.now ?? new Date();
  const { locale } = options;
  const messages = await loadMessages(locale);
  const words = await describeView(db, viewer, filter, { locale, messages, now });
  const text = messages.reportsExport;
  await recordAudit(db, {
    actorId: viewer.id,
    action: "report.export",
    entityType: "Report",
    entityId: "ledger",
    details: { report: "ledger", format: "xlsx", filter, locale },
  });
  const body = projectWorkbook({
    sheetName: text.workbooks.ledger,
    title: text.sheet.titled.replace("{name}", text.workbooks.ledger).replace("{detail}", words.period),
    notes: [
      text.sheet.period.replace("{range}", words.period),
      text.sheet.filter.replace("{filters}", words.filters),
      text.sheet.exportedAt.replace("{time}", formatDateTime(now, locale)),
    ],
    columns: projectColumns.filter((column) => column !== "taxPerMu"),
    rows: ledgerRows(db, words.range.from, words.range.to, reportLeadsSql(filter, viewer, "l")),
    locale,
    messages,
  });
  return {
    ok: true,
    filename: `${exportName(text.workbooks.ledger, words)}.xlsx`,
    fallback: `${exportName("ledger", words)}.xlsx`,
    body,
  };
}
