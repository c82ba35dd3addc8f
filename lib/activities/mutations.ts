import "server-only";
import type { Database } from "../db/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";
import { fieldErrorsOf, type FieldErrors } from "../forms/field-errors";
import { leadsVisibleTo, WORKSPACE_ROLES } from "../leads/access";
import { recordActivity } from "../leads/activity";
import { logActivitySchema } from "./schema";

export type LogActivityResult = { ok: true; id: string; leadId: string } | { ok: false; fieldErrors: FieldErrors };

/**
 * Staff log a note, call, visit or email on a lead they may work (their own or the pool; managers
 * any). A lead outside that scope, merged away or erased, answers "not found".
 */
export async function logActivity(db: Database, viewer: Viewer | null, input: unknown): Promise<LogActivityResult> {
  assertRole(viewer, WORKSPACE_ROLES, "log activities");
  const parsed = logActivitySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { leadId, kind, body, outcome, occurredAt } = parsed.data;
  return db.$transaction(async (tx): Promise<LogActivityResult> => {
    const lead = await tx.lead.findFirst({
      where: { id: leadId, ...leadsVisibleTo(viewer), mergedIntoId: null, erasedAt: null },
      select: { id: true },
    });
    if (!lead) return { ok: false, fieldErrors: { leadId: "notFound" } };
    const at = occurredAt ?? new Date();
    const activity = await recordActivity(tx, {
      leadId,
      actorId: viewer.id,
      kind,
      body,
      details: outcome ? { outcome } : undefined,
      occurredAt: at,
    });
    return { ok: true, id: activity.id, leadId };
  });
}
