import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { shanghaiDay } from "../../calendar/shanghai-time";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf } from "../../forms/field-errors";
import { formatDateTime, formatNumber } from "../../i18n/format";
import { loadMessages, type Locale } from "../../i18n/messages";
import { WORKSPACE_ROLES } from "../../leads/access";
import { describeView } from "../export/view";
import { parseReportFilter, reportLeadsSql, type UrlParams } from "../filters";
import type { WorkbookExport } from "./export";
import { projectRows } from "./rows";
import { projectColumns, projectWorkbook } from "./sheet";
import { readReserveThreshold } from "../settings/threshold";

/*
 * The 项目储备库: the open projects (an OPEN stage, not archived, never one merged away) investing
 * at least the admin's threshold, whenever received — the pipeline report's leads, listed. The
 * report filters apply except the period: the reserve is a snapshot of now.
 */

/**
 * The open stages are looked up first and passed as a list: given the subquery instead, the
 * planner reads every open lead stage by stage and sorts them for each batch, where a list lets it
 * walk Lead_createdAt_id_idx and stop at the batch's end (3 s → 10 ms a batch at 1,000,000 leads).
 */
export async function reserveWhere(db: Database, threshold: number, scope: Prisma.Sql): Promise<Prisma.Sql> {
  const open = await db.stage.findMany({ where: { category: "OPEN" }, select: { key: true } });
  return Prisma.sql`${scope}
    AND l."archivedAt" IS NULL
    AND l."investment" >= ${threshold}
    AND l."stageKey" = ANY(${open.map((stage) => stage.key)}::text[])`;
}

export async function exportReserve(
  db: Database,
  viewer: Viewer | null,
  params: UrlParams,
  options: { locale: Locale; now?: Date },
): Promise<WorkbookExport> {
  assertRole(viewer, WORKSPACE_ROLES, "export the project reserve");
  const parsed = parseReportFilter(params);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const filter = parsed.data;
  const now = options.now ?? new Date();
  const { locale } = options;
  const messages = await loadMessages(locale);
  const [words, threshold] = await Promise.all([
    describeView(db, viewer, filter, { locale, messages, now }),
    readReserveThreshold(db),
  ]);
  const where = await reserveWhere(db, threshold, reportLeadsSql(filter, viewer, "l"));
  const text = messages.reportsExport;
  await recordAudit(db, {
    actorId: viewer.id,
    action: "report.export",
    entityType: "Report",
    entityId: "reserve",
    details: { report: "reserve", format: "xlsx", filter, threshold, locale },
  });
  const thresholdText = text.sheet.threshold.replace("{threshold}", formatNumber(threshold, locale, 4));
  const body = projectWorkbook({
    sheetName: text.workbooks.reserve,
    title: text.sheet.titled.replace("{name}", text.workbooks.reserve).replace("{detail}", thresholdText),
    notes: [
      thresholdText,
      text.sheet.filter.replace("{filters}", words.filters),
      text.sheet.exportedAt.replace("{time}", formatDateTime(now, locale)),
    ],
    // Open projects have signed no units yet.
    columns: projectColumns.filter((column) => column !== "units"),
    rows: projectRows(db, where),
    locale,
    messages,
  });
  // A snapshot: named by the day it was taken (Asia/Shanghai).
  const day = shanghaiDay(now);
  return {
    ok: true,
    filename: `${text.workbooks.reserve}_${day}.xlsx`.replace(/[\\/:*?"<>|\s]+/g, "-"),
    fallback: `reserve_${day}.xlsx`,
    body,
  };
}
