import "server-only";
import { z } from "zod";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { formatDate, formatDateTime } from "../../i18n/format";
import { loadMessages, type Locale, type Messages } from "../../i18n/messages";
import { WORKSPACE_ROLES } from "../../leads/access";
import { reportCsv } from "./csv";
import { describeView, type ViewInWords } from "./view";
import { deliveryViewOf } from "../delivery/view";
import { firstParam, parseReportFilter, type ReportFilter, type UrlParams } from "../filters";
import { reports } from "../registry";
import { reportKeys, type ReportKey, type ReportTable } from "../table";

/*
 * What leaves the reports page: one report as CSV, and one report (or all) on the printable page.
 * Both run the report functions the page runs, in the viewer's scope, and are audited. A view
 * whose filters cannot be read is refused, never quietly widened to the defaults as the page does.
 */

const reportKeySchema = z.enum(reportKeys, "choice");
const printKeySchema = z.enum([...reportKeys, "all"], "choice");

function readView<K extends string>(
  params: UrlParams,
  keySchema: z.ZodType<K>,
): { ok: true; key: K; filter: ReportFilter } | { ok: false; fieldErrors: FieldErrors } {
  const key = keySchema.safeParse(firstParam(params.report));
  const filter = parseReportFilter(params);
  const fieldErrors: FieldErrors = {
    ...(key.success ? {} : { report: key.error.issues[0]?.message ?? "choice" }),
    ...(filter.success ? {} : fieldErrorsOf(filter.error)),
  };
  if (!key.success || !filter.success) return { ok: false, fieldErrors };
  return { ok: true, key: key.data, filter: filter.data };
}

/** "转化漏斗_2026-10-01_2026-10-31" */
export function exportName(title: string, view: ViewInWords): string {
  return `${title}_${view.range.fromDay}_${view.range.toDay}`.replace(/[\\/:*?"<>|\s]+/g, "-");
}

/** The file's name in the UI language, and in ASCII for clients that cannot read the other. */
export interface ExportFile {
  filename: string;
  fallback: string;
}

/** Reports that show the present, whatever the period: their paper says so instead of naming the period. */
const SNAPSHOTS: readonly ReportKey[] = ["pipeline"];

function snapshotNote(
  key: ReportKey,
  filter: ReportFilter,
  options: { locale: Locale; messages: Messages; now: Date },
): string | null {
  if (key === "delivery") {
    // The delivery report measures as of a day and evaluates a year: the paper names those, not a range.
    const view = deliveryViewOf(filter, options.now);
    return options.messages.reportsDelivery.period
      .replace("{day}", formatDate(new Date(view.at.getTime() - 1), options.locale))
      .replace("{year}", String(view.year));
  }
  return SNAPSHOTS.includes(key)
    ? options.messages.reportsExport.snapshot.replace("{time}", formatDateTime(options.now, options.locale))
    : null;
}

export type CsvExport = ({ ok: true; body: string } & ExportFile) | { ok: false; fieldErrors: FieldErrors };

/** GET /crm/reports/export: one report's tables as UTF-8 CSV with a BOM; audited "report.export". */
export async function exportReportCsv(
  db: Database,
  viewer: Viewer | null,
  params: UrlParams,
  options: { locale: Locale; now?: Date },
): Promise<CsvExport> {
  assertRole(viewer, WORKSPACE_ROLES, "export reports");
  const view = readView(params, reportKeySchema);
  if (!view.ok) return view;
  const now = options.now ?? new Date();
  const messages = await loadMessages(options.locale);
  const [tables, words] = await Promise.all([
    reports[view.key](db, viewer, view.filter, now),
    describeView(db, viewer, view.filter, { locale: options.locale, messages, now }),
  ]);
  const period = snapshotNote(view.key, view.filter, { locale: options.locale, messages, now }) ?? words.period;
  const body = reportCsv(tables, { locale: options.locale, messages, range: period, filters: words.filters });
  await recordAudit(db, {
    actorId: viewer.id,
    action: "report.export",
    entityType: "Report",
    entityId: view.key,
    details: { report: view.key, format: "csv", filter: view.filter, locale: options.locale },
  });
  return {
    ok: true,
    filename: `${exportName(messages.reports.tabs[view.key], words)}.csv`,
    fallback: `${exportName(view.key, words)}.csv`,
    body,
  };
}

export interface PrintedReport {
  key: ReportKey;
  title: string;
  /** set when the report shows the present rather than the period */
  snapshot: string | null;
  tables: ReportTable[];
}
export type PrintView =
  | { ok: true; title: string; reports: PrintedReport[]; words: ViewInWords; printedAt: Date; printedBy: string }
  | { ok: false; fieldErrors: FieldErrors };

/** The printable page's content: one report or all of them; audited "report.print" when opened. */
export async function printableReports(
  db: Database,
  viewer: Viewer | null,
  params: UrlParams,
  options: { locale: Locale; messages: Messages; now?: Date },
): Promise<PrintView> {
  assertRole(viewer, WORKSPACE_ROLES, "print reports");
  const view = readView(params, printKeySchema);
  if (!view.ok) return view;
  const now = options.now ?? new Date();
  const { messages, locale } = options;
  const keys = view.key === "all" ? [...reportKeys] : [view.key];
  const [printed, words] = await Promise.all([
    Promise.all(
      keys.map(async (key) => ({
        key,
        title: messages.reports.tabs[key],
        snapshot: snapshotNote(key, view.filter, { locale, messages, now }),
        tables: await reports[key](db, viewer, view.filter, now),
      })),
    ),
    describeView(db, viewer, view.filter, { locale, messages, now }),
  ]);
  await recordAudit(db, {
    actorId: viewer.id,
    action: "report.print",
    entityType: "Report",
    entityId: view.key,
    details: { report: view.key, format: "print", filter: view.filter, locale },
  });
  const title = view.key === "all" ? messages.reportsExport.allReports : messages.reports.tabs[view.key];
  return { ok: true, title, reports: printed, words, printedAt: now, printedBy: viewer.name };
}
