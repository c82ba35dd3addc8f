import "server-only";
import type { Database } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";
import { shanghaiDayStart } from "../calendar/shanghai-time";
import { loadMessages, type Locale } from "../i18n/messages";
import { auditEntities, type AuditFilter } from "./filter";
import { auditNames } from "./names";
import { auditWriter, type AuditLine } from "./sentences";

export const AUDIT_PAGE_SIZE = 100;
const DAY_MS = 24 * 3600 * 1000;

function whereOf(filter: Partial<AuditFilter>): Prisma.AuditEntryWhereInput {
  const { before } = filter;
  return {
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.entity ? { entityType: auditEntities[filter.entity] } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: shanghaiDayStart(filter.from) } : {}),
            ...(filter.to ? { lt: new Date(shanghaiDayStart(filter.to).getTime() + DAY_MS) } : {}),
          },
        }
      : {}),
    ...(before
      ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }
      : {}),
  };
}

/** The newest audit entries, admins only; `before` pages back by (createdAt, id). */
export async function listAuditEntries(db: Database, viewer: Viewer | null, filter: Partial<AuditFilter> = {}) {
  assertRole(viewer, ["ADMIN"], "read the audit log");
  return db.auditEntry.findMany({
    where: whereOf(filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      details: true,
      createdAt: true,
      actor: { select: { name: true } },
    },
  });
}

export interface AuditLogEntry extends AuditLine {
  id: string;
  createdAt: Date;
}

/**
 * A page of the audit log as sentences in the reader's language, with the cursor of the next
 * (older) page when there may be one. Names are looked up once for the whole page.
 */
export async function auditLog(
  db: Database,
  viewer: Viewer | null,
  filter: Partial<AuditFilter>,
  locale: Locale,
): Promise<{ entries: AuditLogEntry[]; older?: { createdAt: Date; id: string } }> {
  const rows = await listAuditEntries(db, viewer, filter);
  const [names, messages] = await Promise.all([auditNames(db, rows), loadMessages(locale)]);
  const write = auditWriter(messages, locale, names);
  const entries = rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    ...write({ ...row, actorName: row.actor?.name ?? null }),
  }));
  const last = rows.at(-1);
  return {
    entries,
    older: last && rows.length >= AUDIT_PAGE_SIZE ? { createdAt: last.createdAt, id: last.id } : undefined,
  };
}

/** The people the log can be filtered by: everyone who has an account, by name. */
export async function auditActors(db: Database, viewer: Viewer | null) {
  assertRole(viewer, ["ADMIN"], "read the audit log");
  return db.user.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
