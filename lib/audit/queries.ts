import "server-only";
import type { Database } from "../db/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";

export const AUDIT_PAGE_SIZE = 100;

/** The newest audit entries, admins only; `before` pages back by (createdAt, id). */
export async function listAuditEntries(db: Database, viewer: Viewer | null, before?: { createdAt: Date; id: string }) {
  assertRole(viewer, ["ADMIN"], "read the audit log");
  return db.auditEntry.findMany({
    where: before
      ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }
      : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      details: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
  });
}
