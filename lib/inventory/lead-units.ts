import "server-only";
import type { Prisma } from "../db/generated/client";
import { newId } from "../db/ids";
import { recordEvents } from "../outbox/events";
import { holdExpiry, readInventoryRules, reminderDue } from "./settings";
import { moveUnits, type MovedUnit } from "./status";

/*
 * What a lead's units do when the lead itself moves, called inside the lead's own transaction (stage
 * moves, archive, erase, merge). Each locks the lead's units before moving them, so a unit released and
 * held again by another lead in between is never touched.
 */

type Tx = Prisma.TransactionClient;

async function lockUnitsOfLeads(tx: Tx, leadIds: readonly string[], status: "HELD" | "SIGNED"): Promise<string[]> {
  if (leadIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Unit" WHERE "leadId" = ANY(${[...leadIds]}::text[]) AND "status"::text = ${status}
    ORDER BY "id" FOR UPDATE`;
  return rows.map((row) => row.id);
}

/** Ends the active holds of these units, saying why. */
async function endHolds(
  tx: Tx,
  unitIds: readonly string[],
  reason: "SIGNED" | "LEAD_LOST" | "LEAD_CLOSED",
  actorId: string | null,
  now: Date,
): Promise<void> {
  if (unitIds.length === 0) return;
  await tx.unitHold.updateMany({
    where: { unitId: { in: [...unitIds] }, endedAt: null },
    data: { endedAt: now, endReason: reason, endedById: actorId },
  });
}

/** Held units of these leads go back to vacant: the leads were lost (LEAD_LOST) or archived or erased. */
export async function releaseHoldsOfLeads(
  tx: Tx,
  leadIds: readonly string[],
  reason: "LEAD_LOST" | "LEAD_CLOSED",
  actorId: string | null,
  now: Date,
): Promise<number> {
  const unitIds = await lockUnitsOfLeads(tx, leadIds, "HELD");
  if (unitIds.length === 0) return 0;
  const moved = await moveUnits(tx, { unitIds, from: ["HELD"], to: "VACANT", leadId: null, actorId, now });
  await endHolds(
    tx,
    moved.map((unit) => unit.id),
    reason,
    actorId,
    now,
  );
  return moved.length;
}

export type SignResult = { ok: true; units: MovedUnit[] } | { ok: false; fieldErrors: { signedUnits: "unitNotHeld" } };

/**
 * Signs the lead's held units (已签约) at their agreed prices. Every unit must be held by that lead, or
 * nothing moves and the answer is "unitNotHeld" (the caller then rolls its transaction back).
 */
export async function signHeldUnits(
  tx: Tx,
  leadId: string,
  units: readonly { unitId: string; dealPrice: string | null }[],
  actorId: string | null,
  now: Date,
): Promise<SignResult> {
  if (units.length === 0) return { ok: true, units: [] };
  const unitIds = units.map((unit) => unit.unitId);
  const held = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Unit" WHERE "id" = ANY(${unitIds}::text[]) AND "status" = 'HELD' AND "leadId" = ${leadId}
    ORDER BY "id" FOR UPDATE`;
  if (held.length !== new Set(unitIds).size) return { ok: false, fieldErrors: { signedUnits: "unitNotHeld" } };
  const moved = await moveUnits(tx, {
    unitIds,
    from: ["HELD"],
    to: "SIGNED",
    leadId,
    ofLeadId: leadId,
    dealPrices: new Map(units.map((unit) => [unit.unitId, unit.dealPrice])),
    actorId,
    now,
  });
  await endHolds(tx, unitIds, "SIGNED", actorId, now);
  return { ok: true, units: moved };
}

/**
 * A signed lead moved back out of its won stage: its signed (not yet occupied) units are held for it
 * again with a fresh expiry, so nothing is lost and the next signing finds them. The new hold is the
 * last holder's, else the lead owner's, else the mover's.
 */
export async function reopenSignedUnits(
  tx: Tx,
  leadIds: readonly string[],
  actorId: string | null,
  now: Date,
): Promise<number> {
  const unitIds = await lockUnitsOfLeads(tx, leadIds, "SIGNED");
  if (unitIds.length === 0) return 0;
  const holders = await tx.$queryRaw<{ unitId: string; leadId: string; holderId: string | null }[]>`
    SELECT u."id" AS "unitId", u."leadId",
      COALESCE((SELECT h."holderId" FROM "UnitHold" h WHERE h."unitId" = u."id" AND h."leadId" = u."leadId"
        ORDER BY h."heldAt" DESC LIMIT 1), l."ownerId", ${actorId}::text) AS "holderId"
    FROM "Unit" u JOIN "Lead" l ON l."id" = u."leadId"
    WHERE u."id" = ANY(${unitIds}::text[])`;
  const rules = await readInventoryRules(tx);
  const expiresAt = holdExpiry(rules, now);
  let count = 0;
  for (const { unitId, leadId, holderId } of holders) {
    if (!holderId) continue;
    const moved = await moveUnits(tx, {
      unitIds: [unitId],
      from: ["SIGNED"],
      to: "HELD",
      leadId,
      ofLeadId: leadId,
      heldUntil: expiresAt,
      heldById: holderId,
      actorId,
      now,
    });
    if (moved.length === 0) continue;
    const holdId = newId();
    await tx.unitHold.create({ data: { id: holdId, unitId, leadId, holderId, heldAt: now, expiresAt } });
    await recordEvents(tx, [
      {
        kind: "unit.hold_expiring",
        leadId,
        actorId,
        data: { holdId, expiresAt: expiresAt.toISOString() },
        dueAt: reminderDue(rules, expiresAt, now),
      },
    ]);
    count += 1;
  }
  return count;
}

/**
 * A merge: the merged leads' units (held, signed or occupied) and their open holds go to the surviving
 * lead. The status does not change, so no history row; the hold keeps its holder and expiry.
 */
export async function moveUnitsToLead(tx: Tx, fromLeadIds: readonly string[], toLeadId: string): Promise<void> {
  if (fromLeadIds.length === 0) return;
  const ids = [...fromLeadIds];
  await tx.$executeRaw`
    UPDATE "Unit" SET "leadId" = ${toLeadId}, "version" = "version" + 1, "updatedAt" = CURRENT_TIMESTAMP
    WHERE "leadId" = ANY(${ids}::text[])`;
  await tx.unitHold.updateMany({ where: { leadId: { in: ids }, endedAt: null }, data: { leadId: toLeadId } });
}

/**
 * 解约: a lead's project was terminated, so the units it signed for or moved into go back to vacant and are
 * offered again. Returns the units moved.
 */
export async function releaseSignedUnitsOfLeads(
  tx: Tx,
  leadIds: readonly string[],
  actorId: string | null,
  now: Date,
): Promise<MovedUnit[]> {
  if (leadIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Unit" WHERE "leadId" = ANY(${[...leadIds]}::text[]) AND "status"::text IN ('SIGNED', 'OCCUPIED')
    ORDER BY "id" FOR UPDATE`;
  if (rows.length === 0) return [];
  return moveUnits(tx, {
    unitIds: rows.map((row) => row.id),
    from: ["SIGNED", "OCCUPIED"],
    to: "VACANT",
    leadId: null,
    actorId,
    now,
  });
}
