import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { recordEvents } from "../../outbox/events";
import { releaseHoldsOfLeads, reopenSignedUnits, signHeldUnits } from "../../inventory/lead-units";
import { openProjectsForLeads, withdrawProjectsOfLeads } from "../../projects/lead-projects";
import { leadsVisibleSql, WORKSPACE_ROLES } from "../access";
import { recordActivities } from "../activity";
import {
  keyStageMoveSchema,
  moveLeadsStageSchema,
  moveLeadStageSchema,
  stageMoveErrors,
  stageOutcome,
  type StageCategory,
  type StageMoveDetails,
} from "./schema";

/*
 * The one place a lead changes stage. Every move locks the lead row, checks where it stands,
 * and writes the lead, its stage history, its timeline and the audit log in one transaction.
 * A move is made by a signed-in user or by a partner system's API key: a key has no user, so its
 * entries carry no actor and name the key in their details instead.
 */

export type StageMoveResult =
  { ok: true; lead: { id: string; stageKey: string; version: number } } | { ok: false; fieldErrors: FieldErrors };
export type BulkStageMoveResult = { ok: true; moved: number } | { ok: false; fieldErrors: FieldErrors };

type Tx = Prisma.TransactionClient;
type Target = { key: string; category: StageCategory; reason: { askPark: boolean } | undefined };
type LockedLead = { id: string; stageKey: string; version: number };
/** Who moved: the user, or (actorId null) the API key named in the timeline and audit details. */
type Mover = { actorId: string | null; apiKey?: { id: string; name: string } };
/** The API key moving a lead, and the one park whose leads it reaches (null: every park). */
export type StageMoveKey = { keyId: string; name: string; parkId: string | null };

/** The stage moved to, and the lost reason it needs, or what the move is missing. */
async function targetOf(
  tx: Tx,
  toStageKey: string,
  details: StageMoveDetails,
): Promise<{ ok: true; target: Target } | { ok: false; fieldErrors: FieldErrors }> {
  const stage = await tx.stage.findUnique({ where: { key: toStageKey }, select: { key: true, category: true } });
  if (!stage) return { ok: false, fieldErrors: { toStageKey: "notFound" } };
  const reason =
    stage.category === "LOST" && details.lostReasonKey
      ? await tx.lostReason.findFirst({
          where: { key: details.lostReasonKey, active: true },
          select: { askPark: true },
        })
      : null;
  const errors = stageMoveErrors(stage.category, details, reason ?? undefined);
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return { ok: true, target: { key: stage.key, category: stage.category, reason: reason ?? undefined } };
}

/** Locks the live leads among `ids` within `scope` in id order, so overlapping moves queue instead of deadlocking. */
function lockLeads(tx: Tx, scope: Prisma.Sql, ids: string[]): Promise<LockedLead[]> {
  return tx.$queryRaw<LockedLead[]>`
    SELECT l."id", l."stageKey", l."version" FROM "Lead" l
    WHERE l."id" = ANY(${ids}::text[]) AND l."mergedIntoId" IS NULL AND ${scope}
    ORDER BY l."id" FOR UPDATE`;
}

function movedDetails(target: Target, details: StageMoveDetails, now: Date) {
  const outcome = stageOutcome(target.category, details, target.reason, now);
  const shown = Object.fromEntries(
    Object.entries({
      lostReasonKey: outcome.lostReasonKey,
      lostToPark: outcome.lostToPark,
      signedArea: outcome.signedArea,
      signedAreaUnit: outcome.signedAreaUnit,
      signedAnnualTax: outcome.signedAnnualTax,
    }).filter(([, value]) => value !== null),
  ) as Record<string, string>;
  return { outcome, shown };
}

type Applied = { ok: true; shown: Record<string, string> } | { ok: false; fieldErrors: FieldErrors };

/**
 * The lead's units follow it (租控): into a won stage the units it signs for, each held by one of the moving
 * leads (else nothing moves: "unitNotHeld"); into a lost stage its held units go back to vacant (signed and
 * occupied ones stay); back from a won stage to an open one its signed, not yet occupied units are held for
 * it again, so the next signing finds them. Checked before the leads are written, so a refusal leaves all as it was.
 */
async function moveLeadUnits(
  tx: Tx,
  actorId: string | null,
  leads: LockedLead[],
  target: Target,
  details: StageMoveDetails,
  wonBefore: ReadonlySet<string>,
  now: Date,
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  const leadIds = leads.map((lead) => lead.id);
  if (target.category === "WON" && details.signedUnits?.length) {
    const held = await tx.$queryRaw<{ id: string; leadId: string }[]>`
      SELECT "id", "leadId" FROM "Unit"
      WHERE "id" = ANY(${details.signedUnits.map((unit) => unit.unitId)}::text[]) AND "status" = 'HELD'
        AND "leadId" = ANY(${leadIds}::text[])
      ORDER BY "id" FOR UPDATE`;
    if (held.length !== details.signedUnits.length) return { ok: false, fieldErrors: { signedUnits: "unitNotHeld" } };
    const leadOf = new Map(held.map((unit) => [unit.id, unit.leadId]));
    for (const leadId of new Set(leadOf.values())) {
      const units = details.signedUnits
        .filter((unit) => leadOf.get(unit.unitId) === leadId)
        .map((unit) => ({ unitId: unit.unitId, dealPrice: unit.dealPrice ?? null }));
      const signed = await signHeldUnits(tx, leadId, units, actorId, now);
      if (!signed.ok) return signed;
    }
  }
  if (target.category === "LOST") await releaseHoldsOfLeads(tx, leadIds, "LEAD_LOST", actorId, now);
  if (target.category === "OPEN") {
    const reopened = leads.filter((lead) => wonBefore.has(lead.stageKey)).map((lead) => lead.id);
    await reopenSignedUnits(tx, reopened, actorId, now);
  }
  return { ok: true };
}

async function applyMove(
  tx: Tx,
  { actorId, apiKey }: Mover,
  leads: LockedLead[],
  target: Target,
  details: StageMoveDetails,
  now: Date,
): Promise<Applied> {
  const { outcome, shown } = movedDetails(target, details, now);
  const wonBefore = new Set(
    (
      await tx.stage.findMany({
        where: { category: "WON", key: { in: leads.map((lead) => lead.stageKey) } },
        select: { key: true },
      })
    ).map((stage) => stage.key),
  );
  // A lead signs when it enters a won stage from one that is not: moving on between won stages keeps its signing date.
  const alreadyWon = target.category === "WON" ? wonBefore : new Set<string>();
  const units = await moveLeadUnits(tx, actorId, leads, target, details, wonBefore, now);
  if (!units.ok) return units;
  const { signedAt, ...kept } = outcome;
  for (const signs of [true, false]) {
    const ids = leads.filter((lead) => alreadyWon.has(lead.stageKey) !== signs).map((lead) => lead.id);
    if (ids.length === 0) continue;
    await tx.lead.updateMany({
      where: { id: { in: ids } },
      data: {
        stageKey: target.key,
        stageChangedAt: now,
        version: { increment: 1 },
        ...kept,
        ...(signs ? { signedAt } : {}),
      },
    });
  }
  // A signing opens the lead's project (履约); leaving the won stage withdraws it.
  if (target.category === "WON")
    await openProjectsForLeads(
      tx,
      leads.filter((lead) => !alreadyWon.has(lead.stageKey)).map((lead) => lead.id),
      now,
    );
  else
    await withdrawProjectsOfLeads(
      tx,
      leads.filter((lead) => wonBefore.has(lead.stageKey)).map((lead) => lead.id),
      actorId,
      now,
    );
  await tx.stageChange.createMany({
    data: leads.map((lead) => ({
      leadId: lead.id,
      fromKey: lead.stageKey,
      toKey: target.key,
      actorId,
      lostReasonKey: outcome.lostReasonKey,
      changedAt: now,
    })),
  });
  await recordActivities(
    tx,
    { actorId, kind: "STAGE", occurredAt: now },
    leads.map((lead) => ({
      leadId: lead.id,
      details: { from: lead.stageKey, to: target.key, ...shown, ...(apiKey ? { apiKey } : {}) },
    })),
  );
  // Outbound webhooks announce every move (lead.stage_changed), and a signing (lead.signed), from these.
  await recordEvents(
    tx,
    leads.map((lead) => ({
      kind: "lead.stage_changed",
      leadId: lead.id,
      actorId,
      data: {
        from: lead.stageKey,
        to: target.key,
        category: target.category,
        ...(target.category === "WON" && !alreadyWon.has(lead.stageKey) ? { signed: true } : {}),
      },
    })),
  );
  return { ok: true, shown };
}

/**
 * Moves one lead from the stage the mover saw (`fromStageKey`) to another. If someone moved it
 * meanwhile, nothing changes and the answer is "stageChanged"; a lead outside the viewer's scope
 * reads as "notFound".
 */
export async function moveLeadStage(db: Database, viewer: Viewer | null, input: unknown): Promise<StageMoveResult> {
  assertRole(viewer, WORKSPACE_ROLES, "move leads between stages");
  const parsed = moveLeadStageSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { leadId, fromStageKey, toStageKey, ...details } = parsed.data;
  if (fromStageKey === toStageKey) return { ok: false, fieldErrors: { toStageKey: "sameStage" } };
  return db.$transaction(async (tx): Promise<StageMoveResult> => {
    const checked = await targetOf(tx, toStageKey, details);
    if (!checked.ok) return checked;
    const { target } = checked;
    const [lead] = await lockLeads(tx, leadsVisibleSql(viewer, "l"), [leadId]);
    if (!lead) return { ok: false, fieldErrors: { leadId: "notFound" } };
    if (lead.stageKey !== fromStageKey) return { ok: false, fieldErrors: { fromStageKey: "stageChanged" } };
    return moveOne(tx, { actorId: viewer.id }, lead, target, details);
  });
}

async function moveOne(
  tx: Tx,
  mover: Mover,
  lead: LockedLead,
  target: Target,
  details: StageMoveDetails,
): Promise<StageMoveResult> {
  const applied = await applyMove(tx, mover, [lead], target, details, new Date());
  if (!applied.ok) return applied;
  const { shown } = applied;
  await recordAudit(tx, {
    actorId: mover.actorId,
    action: "lead.stage",
    entityType: "Lead",
    entityId: lead.id,
    details: { stage: [lead.stageKey, target.key], ...shown, ...(mover.apiKey ? { apiKey: mover.apiKey } : {}) },
  });
  return {
    ok: true,
    lead: await tx.lead.findUniqueOrThrow({
      where: { id: lead.id },
      select: { id: true, stageKey: true, version: true },
    }),
  };
}

export type KeyStageMoveResult =
  StageMoveResult | { ok: false; reason: "notFound" } | { ok: false; reason: "versionChanged"; version: number };

/**
 * A partner system's move of one lead (POST /api/v1/leads/{id}/stage): the board's rules, from
 * whatever stage the lead is in. `version`, when given, must still be the lead's (If-Match); a lead
 * outside the key's park, merged away or unknown is "notFound".
 */
export async function moveLeadStageByKey(db: Database, key: StageMoveKey, input: unknown): Promise<KeyStageMoveResult> {
  const parsed = keyStageMoveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { leadId, toStageKey, version, ...details } = parsed.data;
  const scope = key.parkId === null ? Prisma.sql`TRUE` : Prisma.sql`l."parkId" = ${key.parkId}`;
  return db.$transaction(async (tx): Promise<KeyStageMoveResult> => {
    const [lead] = await lockLeads(tx, scope, [leadId]);
    if (!lead) return { ok: false, reason: "notFound" };
    if (version !== undefined && lead.version !== version)
      return { ok: false, reason: "versionChanged", version: lead.version };
    const checked = await targetOf(tx, toStageKey, details);
    if (!checked.ok) return checked;
    if (lead.stageKey === checked.target.key) return { ok: false, fieldErrors: { toStageKey: "sameStage" } };
    const mover = { actorId: null, apiKey: { id: key.keyId, name: key.name } };
    return moveOne(tx, mover, lead, checked.target, details);
  });
}

/**
 * The inbox's bulk stage change: every lead moves or none does (any id unknown or outside the
 * viewer's scope refuses the batch). Leads already in the stage are left as they are.
 */
export async function moveLeadsStage(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<BulkStageMoveResult> {
  assertRole(viewer, WORKSPACE_ROLES, "move leads between stages");
  const parsed = moveLeadsStageSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { leadIds, toStageKey, ...details } = parsed.data;
  const unique = [...new Set(leadIds)];
  return db.$transaction(
    async (tx): Promise<BulkStageMoveResult> => {
      const checked = await targetOf(tx, toStageKey, details);
      if (!checked.ok) return checked;
      const { target } = checked;
      const leads = await lockLeads(tx, leadsVisibleSql(viewer, "l"), unique);
      if (leads.length !== unique.length) return { ok: false, fieldErrors: { leadIds: "notFound" } };
      const moving = leads.filter((lead) => lead.stageKey !== target.key);
      if (!moving.length) return { ok: true, moved: 0 };
      const applied = await applyMove(tx, { actorId: viewer.id }, moving, target, details, new Date());
      if (!applied.ok) return applied;
      const { shown } = applied;
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "lead.stage",
        entityType: "Lead",
        entityId: moving.length === 1 ? moving[0].id : `${moving.length} leads`,
        details: { to: target.key, leads: moving.map((lead) => [lead.id, lead.stageKey]), ...shown },
      });
      return { ok: true, moved: moving.length };
    },
    { timeout: 60_000 },
  );
}
