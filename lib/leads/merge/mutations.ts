import "server-only";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { LEAD_MANAGERS } from "../access";
import { recordActivity, refreshNextFollowUp } from "../activity";
import { mergeSelect, planMerge, type FilledField, type StageRule } from "./plan";
import { mergeLeadsSchema } from "./schema";
import { rescoreLead } from "../score/score";
import { leadSearchTokens } from "../search-tokens";
import { moveUnitsToLead } from "../../inventory/lead-units";
import { moveProjectsToLead } from "../../projects/lead-projects";

type Tx = Prisma.TransactionClient;

export interface MovedCounts {
  inquiries: number;
  activities: number;
  tasks: number;
  stageChanges: number;
}

export type MergeResult =
  | { ok: true; survivorId: string; moved: MovedCounts; filled: FilledField[]; stageKey: string; stageRule: StageRule }
  | { ok: false; fieldErrors: FieldErrors };

/** Everything that belongs to a lead by its leadId; a merge moves all of it. */
async function moveHistory(tx: Tx, from: string, to: string): Promise<MovedCounts> {
  const where = { leadId: from };
  const data = { leadId: to };
  const inquiries = await tx.inquiry.updateMany({ where, data });
  const activities = await tx.activity.updateMany({ where, data });
  const tasks = await tx.task.updateMany({ where, data });
  const stageChanges = await tx.stageChange.updateMany({ where, data });
  return {
    inquiries: inquiries.count,
    activities: activities.count,
    tasks: tasks.count,
    stageChanges: stageChanges.count,
  };
}

/**
 * A manager merges a duplicate lead into the one that stays. In one transaction with both leads
 * locked (in id order, so A→B and B→A at once queue instead of deadlocking, and the second finds
 * its lead already merged): every inquiry, activity, task and stage change moves to the survivor,
 * the survivor fills its empty fields from the other (its phone and company stay), and the merged
 * lead stays as an archived tombstone pointing at the survivor, its own fields untouched, so the
 * merge can be audited and inquiries from its phone keep reaching the survivor.
 */
export async function mergeLeads(db: Database, viewer: Viewer | null, input: unknown): Promise<MergeResult> {
  assertRole(viewer, LEAD_MANAGERS, "merge leads");
  const parsed = mergeLeadsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { survivorId, mergedId, survivorVersion, mergedVersion } = parsed.data;

  return db.$transaction(async (tx): Promise<MergeResult> => {
    await tx.$queryRaw`SELECT "id" FROM "Lead" WHERE "id" IN (${survivorId}, ${mergedId}) ORDER BY "id" FOR UPDATE`;
    const survivor = await tx.lead.findUnique({ where: { id: survivorId }, select: mergeSelect });
    const merged = await tx.lead.findUnique({ where: { id: mergedId }, select: mergeSelect });
    if (!survivor) return { ok: false, fieldErrors: { survivorId: "notFound" } };
    if (!merged) return { ok: false, fieldErrors: { mergedId: "notFound" } };
    if (survivor.mergedIntoId) return { ok: false, fieldErrors: { survivorId: "merged" } };
    if (merged.mergedIntoId) return { ok: false, fieldErrors: { mergedId: "merged" } };
    if (survivor.erasedAt) return { ok: false, fieldErrors: { survivorId: "erased" } };
    if (merged.erasedAt) return { ok: false, fieldErrors: { mergedId: "erased" } };
    if (survivor.version !== survivorVersion) return { ok: false, fieldErrors: { survivorVersion: "stale" } };
    if (merged.version !== mergedVersion) return { ok: false, fieldErrors: { mergedVersion: "stale" } };

    const now = new Date();
    const plan = planMerge(survivor, merged);
    const moved = await moveHistory(tx, mergedId, survivorId);
    await moveUnitsToLead(tx, [mergedId], survivorId);
    await moveProjectsToLead(tx, [mergedId], survivorId);
    const notes = typeof plan.data.notes === "string" ? plan.data.notes : survivor.notes;
    const stageMoves = plan.stageKey !== survivor.stageKey;
    await tx.lead.update({
      where: { id: survivorId },
      data: {
        ...plan.data,
        ...(stageMoves ? { stageKey: plan.stageKey, stageChangedAt: now } : {}),
        searchTokens: leadSearchTokens({
          company: survivor.company,
          contactName: survivor.contactName,
          phone: survivor.phone,
          wechat: (plan.data.wechat as string | undefined) ?? survivor.wechat,
          email: (plan.data.email as string | undefined) ?? survivor.email,
          notes,
        }),
        version: { increment: 1 },
      },
    });
    if (stageMoves) {
      await tx.stageChange.create({
        data: {
          leadId: survivorId,
          fromKey: survivor.stageKey,
          toKey: plan.stageKey,
          actorId: viewer.id,
          changedAt: now,
        },
      });
    }
    await tx.lead.update({
      where: { id: mergedId },
      data: { mergedIntoId: survivorId, archivedAt: merged.archivedAt ?? now, version: { increment: 1 } },
    });

    const details = {
      mergedId,
      company: merged.company,
      phone: merged.phone,
      moved: { ...moved },
      filled: plan.filled,
      stage: { from: survivor.stageKey, to: plan.stageKey, rule: plan.stageRule },
    };
    await recordActivity(tx, { leadId: survivorId, actorId: viewer.id, kind: "MERGE", details, occurredAt: now });
    await refreshNextFollowUp(tx, survivorId);
    await rescoreLead(tx, survivorId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "lead.merge",
      entityType: "Lead",
      entityId: survivorId,
      details,
    });
    return { ok: true, survivorId, moved, filled: plan.filled, stageKey: plan.stageKey, stageRule: plan.stageRule };
  });
}
