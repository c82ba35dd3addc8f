import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { newId } from "../../db/ids";
import { fieldErrorsOf } from "../../forms/field-errors";
import { areaInSqm } from "../../listings/units";
import { INVENTORY_MANAGERS } from "../access";
import { syncListings } from "../listing-sync";
import { refreshListingPrices } from "../offers/mutations";
import { moveUnits } from "../status";
import { changesBetween } from "./changes";
import type { RegisterResult } from "./mutations";
import { floorUnitsSchema, unitAvailabilitySchema, unitRefSchema, unitSchema, unitUpdateSchema } from "./schema";

/*
 * Units of the asset register: added one by one or a floor at a time, edited, removed while never
 * used, and set 不可租售 or back to 空置 — that last through moveUnits, the one writer of a status.
 * An area edit of a unit in a listing brings the listing's figures into line in the same transaction.
 */

type Tx = Prisma.TransactionClient;
type BuildingRow = { id: string; name: string; parkId: string; kind: "FACTORY" | "OFFICE" | "LAND" };
type UnitSaved = RegisterResult<{ id: string; buildingId: string }>;

const AUDITED = ["floor", "number", "area", "areaUnit", "listPrice", "floorPrice", "priceUnit"] as const;
const label = (building: { name: string }, number: string) => `${building.name} ${number}`;
const numberTaken = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The building, share-locked so it cannot be removed while units are added to it. */
async function lockedBuilding(tx: Tx, id: string): Promise<BuildingRow | undefined> {
  const [building] = await tx.$queryRaw<BuildingRow[]>`
    SELECT "id", "name", "parkId", "kind"::text AS "kind" FROM "Building" WHERE "id" = ${id} FOR SHARE`;
  return building;
}

/** A unit's first status (空置) opens its history, as the migration's units have theirs. */
async function openHistory(tx: Tx, unitIds: string[], actorId: string, now: Date) {
  await tx.unitStatusChange.createMany({
    data: unitIds.map((unitId) => ({ id: newId(), unitId, toStatus: "VACANT" as const, actorId, changedAt: now })),
  });
}

export async function createUnit(db: Database, viewer: Viewer | null, input: unknown): Promise<UnitSaved> {
  assertRole(viewer, INVENTORY_MANAGERS, "add units");
  const parsed = unitSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { buildingId, ...fields } = parsed.data;
  try {
    return await db.$transaction(async (tx): Promise<UnitSaved> => {
      const building = await lockedBuilding(tx, buildingId);
      if (!building) return { ok: false, fieldErrors: { buildingId: "notFound" } };
      if (fields.areaUnit === "MU" && building.kind !== "LAND")
        return { ok: false, fieldErrors: { areaUnit: "muLand" } };
      const now = new Date();
      const unit = await tx.unit.create({
        data: {
          ...fields,
          buildingId,
          parkId: building.parkId,
          areaSqm: areaInSqm(fields.area, fields.areaUnit).toString(),
          statusChangedAt: now,
        },
      });
      await openHistory(tx, [unit.id], viewer.id, now);
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "unit.create",
        entityType: "Unit",
        entityId: unit.id,
        details: { unit: label(building, unit.number), buildingId, ...changesBetween(AUDITED, null, fields) },
      });
      return { ok: true, id: unit.id, buildingId };
    });
  } catch (error) {
    if (numberTaken(error)) return { ok: false, fieldErrors: { number: "unitNumberTaken" } };
    throw error;
  }
}

/** Floor 3, units 301–306 of 500 m² each: all of them or, when a number is taken, none. */
export async function addFloorUnits(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<RegisterResult<{ added: number; buildingId: string }>> {
  assertRole(viewer, INVENTORY_MANAGERS, "add units");
  const parsed = floorUnitsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { buildingId, first, last, ...fields } = parsed.data;
  const numbers = Array.from({ length: last - first + 1 }, (_, index) => String(first + index));
  try {
    return await db.$transaction(async (tx): Promise<RegisterResult<{ added: number; buildingId: string }>> => {
      const building = await lockedBuilding(tx, buildingId);
      if (!building) return { ok: false, fieldErrors: { buildingId: "notFound" } };
      if (fields.areaUnit === "MU" && building.kind !== "LAND")
        return { ok: false, fieldErrors: { areaUnit: "muLand" } };
      if (await tx.unit.findFirst({ where: { buildingId, number: { in: numbers } }, select: { id: true } }))
        return { ok: false, fieldErrors: { first: "unitNumberTaken" } };
      const now = new Date();
      const areaSqm = areaInSqm(fields.area, fields.areaUnit).toString();
      const rows = numbers.map((number) => ({
        ...fields,
        id: newId(),
        number,
        buildingId,
        parkId: building.parkId,
        areaSqm,
        statusChangedAt: now,
      }));
      await tx.unit.createMany({ data: rows });
      await openHistory(
        tx,
        rows.map((row) => row.id),
        viewer.id,
        now,
      );
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "unit.add_floor",
        entityType: "Building",
        entityId: buildingId,
        details: {
          building: building.name,
          floor: fields.floor,
          numbers: [numbers[0], numbers[numbers.length - 1]],
          count: numbers.length,
          area: fields.area,
          areaUnit: fields.areaUnit,
        },
      });
      return { ok: true, added: numbers.length, buildingId };
    });
  } catch (error) {
    if (numberTaken(error)) return { ok: false, fieldErrors: { first: "unitNumberTaken" } };
    throw error;
  }
}

/** Saves over the unit as the form loaded it (its version); a hold or edit since makes it "stale". */
export async function updateUnit(db: Database, viewer: Viewer | null, input: unknown): Promise<UnitSaved> {
  assertRole(viewer, INVENTORY_MANAGERS, "edit units");
  const parsed = unitUpdateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { id, version, ...fields } = parsed.data;
  try {
    return await db.$transaction(async (tx): Promise<UnitSaved> => {
      const current = await tx.unit.findUnique({ where: { id }, include: { building: true } });
      if (!current) return { ok: false, fieldErrors: { id: "notFound" } };
      if (current.version !== version) return { ok: false, fieldErrors: { version: "stale" } };
      if (fields.areaUnit === "MU" && current.building.kind !== "LAND")
        return { ok: false, fieldErrors: { areaUnit: "muLand" } };
      const changes = changesBetween(AUDITED, current, fields);
      if (Object.keys(changes).length === 0) return { ok: true, id, buildingId: current.buildingId };
      // The version in the WHERE settles a race with a hold or edit committed since the read above.
      const saved = await tx.unit.updateMany({
        where: { id, version },
        data: {
          ...fields,
          areaSqm: areaInSqm(fields.area, fields.areaUnit).toString(),
          version: { increment: 1 },
        },
      });
      if (saved.count === 0) return { ok: false, fieldErrors: { version: "stale" } };
      if ("area" in changes || "areaUnit" in changes) {
        await syncListings(tx, [current.listingId]);
        await refreshListingPrices(tx, [current.listingId]);
      }
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "unit.update",
        entityType: "Unit",
        entityId: id,
        details: { unit: label(current.building, fields.number), buildingId: current.buildingId, ...changes },
      });
      return { ok: true, id, buildingId: current.buildingId };
    });
  } catch (error) {
    if (numberTaken(error)) return { ok: false, fieldErrors: { number: "unitNumberTaken" } };
    throw error;
  }
}

/**
 * Removes a unit entered by mistake: only one still vacant that was never held and is in no
 * listing. Anything else has a history worth keeping, so it is marked 不可租售 instead.
 */
export async function deleteUnit(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<RegisterResult<{ buildingId: string }>> {
  assertRole(viewer, INVENTORY_MANAGERS, "remove units");
  const parsed = unitRefSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { id, version } = parsed.data;
  return db.$transaction(async (tx): Promise<RegisterResult<{ buildingId: string }>> => {
    // Locked like moveUnits locks it, so a hold taken at the same moment either comes first or finds it gone.
    const [unit] = await tx.$queryRaw<
      { id: string; buildingId: string; number: string; status: string; listingId: string | null; version: number }[]
    >`SELECT "id", "buildingId", "number", "status"::text, "listingId", "version" FROM "Unit" WHERE "id" = ${id}
      FOR UPDATE`;
    if (!unit) return { ok: false, fieldErrors: { id: "notFound" } };
    if (unit.version !== version) return { ok: false, fieldErrors: { version: "stale" } };
    const held = await tx.unitHold.findFirst({ where: { unitId: id }, select: { id: true } });
    if (unit.status !== "VACANT" || unit.listingId || held) return { ok: false, fieldErrors: { id: "unitInUse" } };
    const building = await tx.building.findUniqueOrThrow({ where: { id: unit.buildingId }, select: { name: true } });
    await tx.unitStatusChange.deleteMany({ where: { unitId: id } });
    await tx.unit.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "unit.delete",
      entityType: "Unit",
      entityId: id,
      details: { unit: label(building, unit.number), buildingId: unit.buildingId },
    });
    return { ok: true, buildingId: unit.buildingId };
  });
}

/** 不可租售 (from 空置) or back to 空置 (from 不可租售); a unit held, signed or occupied meanwhile is left alone. */
export async function setUnitAvailability(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<RegisterResult<{ buildingId: string }>> {
  assertRole(viewer, INVENTORY_MANAGERS, "mark units unavailable");
  const parsed = unitAvailabilitySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { id, available } = parsed.data;
  return db.$transaction(async (tx): Promise<RegisterResult<{ buildingId: string }>> => {
    const unit = await tx.unit.findUnique({ where: { id }, include: { building: { select: { name: true } } } });
    if (!unit) return { ok: false, fieldErrors: { id: "notFound" } };
    const [from, to] = available ? (["UNAVAILABLE", "VACANT"] as const) : (["VACANT", "UNAVAILABLE"] as const);
    const moved = await moveUnits(tx, {
      unitIds: [id],
      from: [from],
      to,
      leadId: null,
      actorId: viewer.id,
      now: new Date(),
    });
    if (moved.length === 0)
      return { ok: false, fieldErrors: { id: available ? "unitNotUnavailable" : "unitNotVacant" } };
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "unit.availability",
      entityType: "Unit",
      entityId: id,
      details: { unit: label(unit.building, unit.number), buildingId: unit.buildingId, status: [from, to] },
    });
    return { ok: true, buildingId: unit.buildingId };
  });
}
