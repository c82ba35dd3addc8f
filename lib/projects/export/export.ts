import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { FieldErrors } from "../../forms/field-errors";
import { formatDate } from "../../i18n/format";
import { localized } from "../../i18n/localized";
import { loadMessages, type Locale } from "../../i18n/messages";
import { readSettings } from "../../settings/queries";
import { managesProjects, PROJECT_READERS } from "../access";
import { shanghaiDay } from "../../calendar/shanghai-time";
import { projectFilterSql, warningWindow } from "../register/queries";
import { projectFilterSchema, type ProjectFilter } from "../register/schema";
import { progressBatches } from "./rows";
import { progressWorkbook } from "./sheet";

/*
 * GET /crm/projects/export: the 项目推进表 of the /crm/projects list's filter (park, owner, status, warning, q,
 * signing year), in the viewer's scope — staff their own projects, managers every one. The list drops a value
 * it cannot read and shows more; an export that silently widened would send more than was asked for, so it is
 * refused instead. Audited ("project.export") with the filter and the row count, the search text only by its
 * length, before the first byte leaves.
 */

const FILTER_KEYS = ["park", "owner", "status", "warning", "q", "year"] as const;

export type ProgressExport =
  | { ok: true; filename: string; fallback: string; rows: number; body: ReadableStream<Uint8Array> }
  | { ok: false; fieldErrors: FieldErrors };

/** The filter from the address, or the parameters whose values could not be read. */
export function exportFilterOf(
  params: URLSearchParams,
): { ok: true; filter: ProjectFilter } | { ok: false; fieldErrors: FieldErrors } {
  const given: Partial<Record<(typeof FILTER_KEYS)[number], string>> = Object.fromEntries(
    FILTER_KEYS.flatMap((key) => {
      const value = params.get(key);
      return value ? [[key, value]] : [];
    }),
  );
  const filter = projectFilterSchema.parse(given);
  const fieldErrors: FieldErrors = {};
  for (const key of FILTER_KEYS) {
    const raw = given[key];
    // Each filter drops a value it cannot read; the status falls back to its default instead.
    const dropped = key === "status" ? filter.status !== raw?.trim() : filter[key] === undefined;
    if (raw !== undefined && dropped) fieldErrors[key] = "invalid";
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, filter };
}

export async function exportProgressWorkbook(
  db: Database,
  viewer: Viewer | null,
  params: URLSearchParams,
  options: { locale: Locale; now?: Date; batchSize?: number },
): Promise<ProgressExport> {
  assertRole(viewer, PROJECT_READERS, "export projects");
  const read = exportFilterOf(params);
  if (!read.ok) return read;
  const { filter } = read;
  const now = options.now ?? new Date();
  const [messages, settings, window, park] = await Promise.all([
    loadMessages(options.locale),
    readSettings(db),
    warningWindow(db, now),
    filter.park ? db.park.findUnique({ where: { id: filter.park }, select: { name: true, nameEn: true } }) : null,
  ]);
  const where = projectFilterSql(viewer, filter, window);
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM "Project" p WHERE ${where}`;
  const { q, ...narrowing } = filter;
  await recordAudit(db, {
    actorId: viewer.id,
    action: "project.export",
    entityType: "Project",
    entityId: "export",
    details: {
      filter: { ...narrowing, owner: managesProjects(viewer) ? narrowing.owner : viewer.id },
      ...(q ? { search: { characters: Array.from(q).length } } : {}),
      rows: count,
      locale: options.locale,
    },
  });

  const text = messages.reportsDelivery.workbook;
  const today = shanghaiDay(now);
  const year = Number(today.slice(0, 4)) - 1;
  const title = text.title
    .replace("{park}", park ? localized(options.locale, park.name, park.nameEn) : text.allParks)
    .replace("{day}", formatDate(now, options.locale));
  const body = progressWorkbook({
    title,
    rows: progressBatches(db, { where, year, today: window.today, soonUntil: window.soonUntil }, options.batchSize),
    context: { locale: options.locale, messages, rules: settings.delivery, year },
  });
  return {
    ok: true,
    filename: `${text.filename}_${today}.xlsx`,
    fallback: `project-progress_${today}.xlsx`,
    rows: count,
    body,
  };
}
