import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { recordEvents } from "../../outbox/events";
import { LEAD_MANAGERS, WORKSPACE_ROLES } from "../access";
import { recordActivities, recordActivity } from "../activity";
import { assignLeadsSchema, claimLeadSchema } from "./schema";

export type AssignResult = { ok: true; changed: number } | { ok: false; fieldErrors: FieldErrors };

/**
 * A manager gives leads to an active workspace user (or back to the pool). All of them change in
 * one transaction, each with an owner line on its timeline and one audit entry for the batch, in a
 * fixed number of statements whatever the number of leads.
 */
export async function assignLeads(db: Database, viewer: Viewer | null, input: unknown): Promise<AssignResult> {
  assertRole(viewer, LEAD_MANAGERS, "reassign leads");
  const parsed = assignLeadsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { leadIds, ownerId } = parsed.data;
  return db.$transaction(async (tx): Promise<AssignResult> => {
    if (ownerId) {
      const owner = await tx.user.findFirst({ where: { id: ownerId, active: true }, select: { id: true } });
      if (!owner) return { ok: false as const, fieldErrors: { ownerId: "notFound" } };
    }
    const unique = [...new Set(leadIds)];
    // Locked in id order so two overlapping bulk assignments cannot deadlock.
    const leads = await tx.$queryRaw<{ id: string; ownerId: string | null }[]>`
      SELECT "id", "ownerId" FROM "Lead" WHERE "id" = ANY(${unique}::text[]) AND "mergedIntoId" IS NULL
        ORDER BY "id" FOR UPDATE`;
    if (leads.length !== unique.length) return { ok: false as const, fieldErrors: { leadIds: "notFound" } };
    const moving = leads.filter((lead) => lead.ownerId !== ownerId);
    const now = new Date();
    // One statement per kind of row, whatever the number of leads (they all get the same owner and time).
    if (moving.length) {
      await tx.lead.updateMany({
        where: { id: { in: moving.map((lead) => lead.id) } },
        data: { ownerId, assignedAt: ownerId ? now : null },
      });
      await recordActivities(
        tx,
        { actorId: viewer.id, kind: "OWNER", occurredAt: now },
        moving.map((lead) => ({ leadId: lead.id, details: { from: lead.ownerId, to: ownerId } })),
      );
      // The new owner hears of it (unless they gave it to themselves: the planner drops that); the pool hears nothing.
      if (ownerId)
        await recordEvents(
          tx,
          moving.map((lead) => ({
            kind: "lead.reassigned",
            leadId: lead.id,
            actorId: viewer.id,
            data: { toOwnerId: ownerId },
          })),
        );
    }
    if (moving.length) {
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "lead.assign",
        entityType: "Lead",
        entityId: moving.length === 1 ? moving[0].id : `${moving.length} leads`,
        details: { ownerId, leads: moving.map((lead) => [lead.id, lead.ownerId]) },
      });
    }
    return { ok: true as const, changed: moving.length };
  });
}

/** Staff take a lead from the unassigned pool; the first to claim it gets it. */
export async function claimLead(db: Database, viewer: Viewer | null, input: unknown): Promise<AssignResult> {
  assertRole(viewer, WORKSPACE_ROLES, "claim leads");
  const parsed = claimLeadSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { leadId } = parsed.data;
  return db.$transaction(async (tx): Promise<AssignResult> => {
    const now = new Date();
    const claimed = await tx.lead.updateMany({
      where: { id: leadId, ownerId: null, mergedIntoId: null, erasedAt: null },
      data: { ownerId: viewer.id, assignedAt: now },
    });
    if (claimed.count === 0) return { ok: false as const, fieldErrors: { leadId: "alreadyClaimed" } };
    await recordActivity(tx, {
      leadId,
      actorId: viewer.id,
      kind: "OWNER",
      details: { from: null, to: viewer.id, claimed: true },
      occurredAt: now,
    });
    // Announced like any assignment (an outbound webhook's lead.assigned); nobody is mailed about their own claim.
    await recordEvents(tx, [{ kind: "lead.reassigned", leadId, actorId: viewer.id, data: { toOwnerId: viewer.id } }]);
    await recordAudit(tx, { actorId: viewer.id, action: "lead.claim", entityType: "Lead", entityId: leadId });
    return { ok: true as const, changed: 1 };
  });
}
