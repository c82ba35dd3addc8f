import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { newId } from "../../db/ids";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { workableLeadSql } from "./lead-scope";
import { recordEvents } from "../../outbox/events";
import { INVENTORY_HOLDERS, managesInventory } from "../access";
import { holdExpiry, readInventoryRules, reminderDue } from "../settings";
import { moveUnits } from "../status";
import type { UnitStatus } from "../types";
import { holdUnitsSchema, moveInSchema, releaseHoldSchema, renewHoldSchema } from "./schema";

/*
 * Holding units for a lead (意向锁定), renewing and releasing a hold, and moving signed units in. Every
 * status change goes through moveUnits, which moves a unit only if it is still where the caller expects:
 * of two officers holding the same unit at once, exactly one wins. What happens to a lead's units when
 * the lead itself moves (signed, lost, archived, merged) is in ../lead-units.ts; the expiry in expiry.ts.
 */

type Tx = Prisma.TransactionClient;

/**
 * Officers crowding onto the same units queue on the units' rows and for a pooled connection: each waits its
 * turn (a few seconds at most under the bench's 50 officers on 10 units) rather than failing on the default 2 s.
 */
const CONTENDED = { maxWait: 10_000, timeout: 15_000 };

export type TakenUnit = {
  unitId: string;
  /** building and number: "3号楼 201" */
  label: string;
  status: UnitStatus;
  holderName: string | null;
  leadCompany: string | null;
  heldUntil: Date | null;
};

export type HoldResult =
  | { ok: true; held: { unitId: string; expiresAt: Date }[] }
  | { ok: false; taken: TakenUnit[] }
  | { ok: false; fieldErrors: FieldErrors };
export type RenewResult = { ok: true; expiresAt: Date } | { ok: false; fieldErrors: FieldErrors };
export type ReleaseResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };
export type MoveInResult = { ok: true; moved: number } | { ok: false; fieldErrors: FieldErrors };

/** Thrown inside the hold's transaction to roll it back when a unit was no longer vacant. */
class UnitsTaken extends Error {
  constructor(readonly unitIds: string[]) {
    super("units taken");
  }
}

/** Unit labels as the audit log and messages show them: "3号楼 201". */
export function unitLabelSql(unit = "u", building = "b"): Prisma.Sql {
  return Prisma.raw(`"${building}"."name" || ' ' || "${unit}"."number"`);
}

/** The taken units among `unitIds` as they stand now: who holds each, for which company, until when. */
async function takenUnits(db: Database, unitIds: string[]): Promise<TakenUnit[]> {
  return db.$queryRaw<TakenUnit[]>`
    SELECT u."id" AS "unitId", ${unitLabelSql()} AS "label", u."status"::text AS "status",
      h."name" AS "holderName", l."company" AS "leadCompany", u."heldUntil"
    FROM "Unit" u JOIN "Building" b ON b."id" = u."buildingId"
    LEFT JOIN "User" h ON h."id" = u."heldById"
    LEFT JOIN "Lead" l ON l."id" = u."leadId"
    WHERE u."id" = ANY(${unitIds}::text[])
    ORDER BY b."position", b."name", u."floor" NULLS FIRST, u."number"`;
}

/**
 * Holds the units for the lead, all or none: a unit that is not vacant when its row is locked
 * rolls the whole hold back, and the answer names who has each taken unit until when (read after
 * the rollback). A lead outside the viewer's scope is not found; a lead that is archived, merged
 * away, erased, signed or lost cannot hold.
 */
export async function holdUnits(db: Database, viewer: Viewer | null, input: unknown): Promise<HoldResult> {
  assertRole(viewer, INVENTORY_HOLDERS, "hold units");
  const parsed = holdUnitsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { leadId, unitIds } = parsed.data;
  const rules = await readInventoryRules(db);
  try {
    return await db.$transaction(async (tx): Promise<HoldResult> => {
      const now = new Date();
      // FOR SHARE: a stage move, archive or merge of the lead waits for the hold (and then releases it).
      const [lead] = await tx.$queryRaw<{ id: string; open: boolean }[]>`
        SELECT l."id", (l."archivedAt" IS NULL AND l."erasedAt" IS NULL AND l."mergedIntoId" IS NULL
          AND s."category" = 'OPEN') AS "open"
        FROM "Lead" l JOIN "Stage" s ON s."key" = l."stageKey"
        WHERE l."id" = ${leadId} AND ${workableLeadSql(viewer, "l")}
        FOR SHARE OF l`;
      if (!lead) return { ok: false, fieldErrors: { leadId: "notFound" } };
      if (!lead.open) return { ok: false, fieldErrors: { leadId: "leadCannotHold" } };
      const known = await tx.unit.count({ where: { id: { in: unitIds } } });
      if (known !== unitIds.length) return { ok: false, fieldErrors: { unitIds: "notFound" } };
      const expiresAt = holdExpiry(rules, now);
      const moved = await moveUnits(tx, {
        unitIds,
        from: ["VACANT"],
        to: "HELD",
        leadId,
        heldUntil: expiresAt,
        heldById: viewer.id,
        actorId: viewer.id,
        now,
      });
      if (moved.length < unitIds.length) {
        const movedIds = new Set(moved.map((unit) => unit.id));
        throw new UnitsTaken(unitIds.filter((id) => !movedIds.has(id)));
      }
      const holds = unitIds.map((unitId) => ({
        id: newId(),
        unitId,
        leadId,
        holderId: viewer.id,
        heldAt: now,
        expiresAt,
      }));
      await tx.unitHold.createMany({ data: holds });
      await recordEvents(
        tx,
        holds.map((hold) => ({
          kind: "unit.hold_expiring",
          leadId,
          actorId: viewer.id,
          data: { holdId: hold.id, expiresAt: expiresAt.toISOString() },
          dueAt: reminderDue(rules, expiresAt, now),
        })),
      );
      await auditUnits(tx, viewer.id, "unit.hold", leadId, unitIds, { until: expiresAt.toISOString() });
      return { ok: true, held: unitIds.map((unitId) => ({ unitId, expiresAt })) };
    }, CONTENDED);
  } catch (error) {
    if (error instanceof UnitsTaken) return { ok: false, taken: await takenUnits(db, error.unitIds) };
    throw error;
  }
}

/** One audit entry about the lead, naming the units by their labels (no personal data in them). */
async function auditUnits(
  tx: Tx,
  actorId: string,
  action: string,
  leadId: string,
  unitIds: string[],
  extra: Record<string, string> = {},
): Promise<void> {
  const labels = await tx.$queryRaw<{ label: string }[]>`
    SELECT ${unitLabelSql()} AS "label" FROM "Unit" u JOIN "Building" b ON b."id" = u."buildingId"
    WHERE u."id" = ANY(${unitIds}::text[]) ORDER BY b."name", u."number"`;
  await recordAudit(tx, {
    actorId,
    action,
    entityType: "Lead",
    entityId: leadId,
    details: { units: labels.map((row) => row.label), unitIds, ...extra },
  });
}

type ActiveHold = {
  holdId: string;
  unitId: string;
  leadId: string;
  holderId: string;
  ownerId: string | null;
  renewals: number;
};

/**
 * The unit's active hold, locked with the unit, if the viewer may work its lead; "holdNotYours" unless
 * the viewer holds it, owns the lead or manages the inventory.
 */
async function lockedHoldOf(
  tx: Tx,
  viewer: Viewer,
  unitId: string,
): Promise<{ ok: true; hold: ActiveHold } | { ok: false; fieldErrors: FieldErrors }> {
  const [hold] = await tx.$queryRaw<(ActiveHold & { visible: boolean })[]>`
    SELECT h."id" AS "holdId", u."id" AS "unitId", u."leadId", h."holderId", l."ownerId", h."renewals",
      ${workableLeadSql(viewer, "l")} AS "visible"
    FROM "Unit" u
    JOIN "Lead" l ON l."id" = u."leadId"
    JOIN "UnitHold" h ON h."unitId" = u."id" AND h."leadId" = u."leadId" AND h."endedAt" IS NULL
    WHERE u."id" = ${unitId} AND u."status" = 'HELD'
    ORDER BY h."heldAt" DESC LIMIT 1
    FOR UPDATE OF u, h`;
  if (!hold) {
    const exists = await tx.unit.count({ where: { id: unitId } });
    return { ok: false, fieldErrors: { unitId: exists ? "holdNotActive" : "notFound" } };
  }
  // A hold for a lead the viewer may not work reads as missing, like the lead itself.
  if (!hold.visible) return { ok: false, fieldErrors: { unitId: "notFound" } };
  const mine = hold.holderId === viewer.id || hold.ownerId === viewer.id || managesInventory(viewer);
  if (!mine) return { ok: false, fieldErrors: { unitId: "holdNotYours" } };
  return { ok: true, hold };
}

/**
 * Pushes the hold's expiry to now + the hold days. Officers renew a hold up to the configured number of
 * times; beyond it only a manager ("renewLimit"). Not a status change: the unit stays HELD for its lead.
 */
export async function renewHold(db: Database, viewer: Viewer | null, input: unknown): Promise<RenewResult> {
  assertRole(viewer, INVENTORY_HOLDERS, "renew holds");
  const parsed = renewHoldSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const rules = await readInventoryRules(db);
  return db.$transaction(async (tx): Promise<RenewResult> => {
    const now = new Date();
    const found = await lockedHoldOf(tx, viewer, parsed.data.unitId);
    if (!found.ok) return found;
    const { hold } = found;
    if (hold.renewals >= rules.staffRenewals && !managesInventory(viewer))
      return { ok: false, fieldErrors: { unitId: "renewLimit" } };
    const expiresAt = holdExpiry(rules, now);
    await tx.$executeRaw`
      UPDATE "Unit" SET "heldUntil" = ${expiresAt.toISOString()}::timestamptz AT TIME ZONE 'UTC',
        "version" = "version" + 1, "updatedAt" = ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'
      WHERE "id" = ${hold.unitId} AND "status" = 'HELD' AND "leadId" = ${hold.leadId}`;
    await tx.unitHold.update({
      where: { id: hold.holdId },
      data: { expiresAt, renewals: { increment: 1 } },
    });
    await recordEvents(tx, [
      {
        kind: "unit.hold_expiring",
        leadId: hold.leadId,
        actorId: viewer.id,
        data: { holdId: hold.holdId, expiresAt: expiresAt.toISOString() },
        dueAt: reminderDue(rules, expiresAt, now),
      },
    ]);
    await auditUnits(tx, viewer.id, "unit.renew", hold.leadId, [hold.unitId], { until: expiresAt.toISOString() });
    return { ok: true, expiresAt };
  }, CONTENDED);
}

/** Gives a held unit back (空置) by hand: its holder, the lead's owner or a manager. */
export async function releaseHold(db: Database, viewer: Viewer | null, input: unknown): Promise<ReleaseResult> {
  assertRole(viewer, INVENTORY_HOLDERS, "release holds");
  const parsed = releaseHoldSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return db.$transaction(async (tx): Promise<ReleaseResult> => {
    const now = new Date();
    const found = await lockedHoldOf(tx, viewer, parsed.data.unitId);
    if (!found.ok) return found;
    const { hold } = found;
    await moveUnits(tx, {
      unitIds: [hold.unitId],
      from: ["HELD"],
      to: "VACANT",
      leadId: null,
      ofLeadId: hold.leadId,
      actorId: viewer.id,
      now,
    });
    await tx.unitHold.update({
      where: { id: hold.holdId },
      data: { endedAt: now, endReason: "RELEASED", endedById: viewer.id },
    });
    await auditUnits(tx, viewer.id, "unit.release", hold.leadId, [hold.unitId]);
    return { ok: true };
  }, CONTENDED);
}

/** Signed units move in (已入驻): each must be signed for a lead the viewer may work; all or none. */
export async function moveIn(db: Database, viewer: Viewer | null, input: unknown): Promise<MoveInResult> {
  assertRole(viewer, INVENTORY_HOLDERS, "move units in");
  const parsed = moveInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { unitIds } = parsed.data;
  return db.$transaction(async (tx): Promise<MoveInResult> => {
    const now = new Date();
    const units = await tx.$queryRaw<{ id: string; leadId: string | null; status: UnitStatus; visible: boolean }[]>`
      SELECT u."id", u."leadId", u."status"::text AS "status",
        (l."id" IS NOT NULL AND ${workableLeadSql(viewer, "l")}) AS "visible"
      FROM "Unit" u LEFT JOIN "Lead" l ON l."id" = u."leadId"
      WHERE u."id" = ANY(${unitIds}::text[])
      ORDER BY u."id" FOR UPDATE OF u`;
    // A unit of a lead the viewer may not work reads as missing, like the lead itself.
    if (units.length !== unitIds.length || units.some((unit) => unit.leadId !== null && !unit.visible))
      return { ok: false, fieldErrors: { unitIds: "notFound" } };
    if (units.some((unit) => unit.status !== "SIGNED")) return { ok: false, fieldErrors: { unitIds: "unitNotSigned" } };
    const byLead = new Map<string, string[]>();
    for (const { id, leadId } of units) if (leadId) byLead.set(leadId, [...(byLead.get(leadId) ?? []), id]);
    for (const [leadId, ids] of byLead) {
      await moveUnits(tx, {
        unitIds: ids,
        from: ["SIGNED"],
        to: "OCCUPIED",
        leadId,
        ofLeadId: leadId,
        actorId: viewer.id,
        now,
      });
      await auditUnits(tx, viewer.id, "unit.move_in", leadId, ids);
    }
    return { ok: true, moved: units.length };
  }, CONTENDED);
}
