import "server-only";
import type { Prisma } from "../db/generated/client";
import { newId } from "../db/ids";
import { syncListings } from "./listing-sync";
import type { UnitStatus } from "./types";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

export interface UnitMove {
  unitIds: readonly string[];
  /** the statuses a unit may be in to move; a unit in any other is left alone (and not returned) */
  from: readonly UnitStatus[];
  to: UnitStatus;
  /** the lead holding, signed for or occupying the units after the move (null for VACANT and UNAVAILABLE) */
  leadId: string | null;
  /** moves only units that are now this lead's (signing or moving in the lead's own units) */
  ofLeadId?: string;
  /** HELD only: until when, and by whom */
  heldUntil?: Date | null;
  heldById?: string | null;
  /** SIGNED: the agreed price per unit id (in the unit's priceUnit) */
  dealPrices?: ReadonlyMap<string, string | null>;
  actorId: string | null;
  now: Date;
}

export interface MovedUnit {
  id: string;
  fromStatus: UnitStatus;
  /** the lead the unit was with before the move */
  fromLeadId: string | null;
  listingId: string | null;
  parkId: string;
}

/**
 * The one way a unit's status changes. Each unit moves only if it is still in one of `from` (and,
 * with `ofLeadId`, still that lead's) when its row is locked: of two officers holding the same vacant
 * unit at once, the second finds it HELD after the first commits and moves nothing. Writes the
 * history row (UnitStatusChange) and brings the units' listings into line, all in the caller's
 * transaction. Returns the units that moved; the caller compares them with what it asked for.
 */
export async function moveUnits(tx: Tx, move: UnitMove): Promise<MovedUnit[]> {
  if (move.unitIds.length === 0) return [];
  const held = move.to === "HELD";
  const signed = move.to === "SIGNED";
  const prices = move.dealPrices ?? new Map<string, string | null>();
  const priceIds = [...prices.keys()];
  const priceValues = priceIds.map((id) => prices.get(id) ?? null);
  // Times go in as ISO text read as UTC, the way every raw statement here writes Prisma's timestamp columns.
  const now = move.now.toISOString();
  const heldUntil = held && move.heldUntil ? move.heldUntil.toISOString() : null;
  const moved = await tx.$queryRaw<MovedUnit[]>`
    WITH locked AS (
      SELECT "id", "status" AS "fromStatus", "leadId" AS "fromLeadId" FROM "Unit"
      WHERE "id" = ANY(${[...move.unitIds]}::text[])
        AND "status"::text = ANY(${[...move.from]}::text[])
        AND (${move.ofLeadId ?? null}::text IS NULL OR "leadId" = ${move.ofLeadId ?? null}::text)
      ORDER BY "id" FOR UPDATE
    ), price AS (
      SELECT * FROM unnest(${priceIds}::text[], ${priceValues}::numeric[]) AS p("unitId", "dealPrice")
    )
    UPDATE "Unit" u SET
      "status" = ${move.to}::"UnitStatus",
      "statusChangedAt" = ${now}::timestamptz AT TIME ZONE 'UTC',
      "leadId" = ${move.leadId}::text,
      "heldUntil" = ${heldUntil}::timestamptz AT TIME ZONE 'UTC',
      "heldById" = ${held ? (move.heldById ?? null) : null}::text,
      "dealPrice" = CASE WHEN ${signed} THEN (SELECT p."dealPrice" FROM price p WHERE p."unitId" = u."id")
        WHEN ${move.to}::text = 'OCCUPIED' THEN u."dealPrice" ELSE NULL END,
      "version" = u."version" + 1,
      "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
    FROM locked
    WHERE u."id" = locked."id"
    RETURNING u."id", locked."fromStatus"::text AS "fromStatus", locked."fromLeadId", u."listingId", u."parkId"`;
  if (moved.length === 0) return moved;
  await tx.$executeRaw`
    INSERT INTO "UnitStatusChange" ("id", "unitId", "fromStatus", "toStatus", "leadId", "actorId", "changedAt")
    SELECT m.id, m.unit, m.from_status::"UnitStatus", ${move.to}::"UnitStatus", ${move.leadId}::text,
      ${move.actorId}::text, ${now}::timestamptz AT TIME ZONE 'UTC'
    FROM unnest(${moved.map(() => newId())}::text[], ${moved.map((unit) => unit.id)}::text[],
      ${moved.map((unit) => unit.fromStatus)}::text[]) AS m(id, unit, from_status)`;
  await syncListings(
    tx,
    moved.map((unit) => unit.listingId),
  );
  return moved;
}
