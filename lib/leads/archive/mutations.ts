import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { leadsVisibleTo, WORKSPACE_ROLES } from "../access";
import { recordActivity } from "../activity";
import { releaseHoldsOfLeads } from "../../inventory/lead-units";
import { leadArchiveSchema } from "./schema";

export type ArchiveResult = { ok: true; version: number } | { ok: false; fieldErrors: FieldErrors };

/**
 * Archiving takes a lead out of the inbox and the board without deleting anything; restoring
 * brings it back. Staff may do it to the leads they may work (their own and the pool), managers to
 * every lead. Leads are never hard-deleted: this is the only way one goes away.
 */
async function setArchived(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  archive: boolean,
): Promise<ArchiveResult> {
  assertRole(viewer, WORKSPACE_ROLES, archive ? "archive leads" : "restore leads");
  const parsed = leadArchiveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { leadId, version } = parsed.data;
  return db.$transaction(async (tx): Promise<ArchiveResult> => {
    const now = new Date();
    // One conditional update: the version and the archive state in the WHERE settle any race.
    const changed = await tx.lead.updateMany({
      where: {
        id: leadId,
        ...leadsVisibleTo(viewer),
        mergedIntoId: null,
        version,
        archivedAt: archive ? null : { not: null },
      },
      data: { archivedAt: archive ? now : null, version: { increment: 1 } },
    });
    if (changed.count === 0) {
      const lead = await tx.lead.findFirst({
        where: { id: leadId, ...leadsVisibleTo(viewer) },
        select: { version: true, archivedAt: true, mergedIntoId: true },
      });
      if (!lead) return { ok: false, fieldErrors: { leadId: "notFound" } };
      if (lead.mergedIntoId) return { ok: false, fieldErrors: { leadId: "merged" } };
      if (lead.version !== version) return { ok: false, fieldErrors: { version: "stale" } };
      return { ok: false, fieldErrors: { leadId: archive ? "archived" : "notArchived" } };
    }
    // An archived lead's held units go back to vacant; restoring it does not hold them again.
    if (archive) await releaseHoldsOfLeads(tx, [leadId], "LEAD_CLOSED", viewer.id, now);
    await recordActivity(tx, {
      leadId,
      actorId: viewer.id,
      kind: "ARCHIVE",
      details: { archived: archive },
      occurredAt: now,
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: archive ? "lead.archive" : "lead.unarchive",
      entityType: "Lead",
      entityId: leadId,
    });
    return { ok: true, version: version + 1 };
  });
}

export function archiveLead(db: Database, viewer: Viewer | null, input: unknown): Promise<ArchiveResult> {
  return setArchived(db, viewer, input, true);
}

export function restoreLead(db: Database, viewer: Viewer | null, input: unknown): Promise<ArchiveResult> {
  return setArchived(db, viewer, input, false);
}
