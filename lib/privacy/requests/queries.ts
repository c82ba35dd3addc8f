import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";

/** Closed requests shown under the open ones: the recent past, enough to answer "was it done?". */
const DONE_SHOWN = 50;

/**
 * The admins' list of investors' PIPL requests: the open ones first, nearest deadline on top, then the
 * latest closed. Each names the lead's company only; the person's values are on the lead's page.
 */
export async function listPrivacyRequests(db: Database, viewer: Viewer | null, now = new Date()) {
  assertRole(viewer, ["ADMIN"], "read PIPL requests");
  const select = {
    id: true,
    kind: true,
    status: true,
    createdAt: true,
    dueAt: true,
    closedAt: true,
    closedBy: { select: { name: true } },
    lead: { select: { id: true, company: true, erasedAt: true } },
  } as const;
  const [open, done] = await Promise.all([
    db.privacyRequest.findMany({ where: { status: "OPEN" }, select, orderBy: [{ dueAt: "asc" }, { id: "asc" }] }),
    db.privacyRequest.findMany({
      where: { status: "DONE" },
      select,
      orderBy: [{ closedAt: "desc" }, { id: "asc" }],
      take: DONE_SHOWN,
    }),
  ]);
  return [...open, ...done].map((request) => ({
    ...request,
    overdue: request.status === "OPEN" && request.dueAt < now,
  }));
}
export type PrivacyRequestRow = Awaited<ReturnType<typeof listPrivacyRequests>>[number];
