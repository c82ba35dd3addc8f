import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { INVENTORY_MANAGERS } from "../access";
import { changesBetween } from "./changes";
import { buildingRefSchema, buildingSchema, buildingUpdateSchema } from "./schema";

/*
 * Buildings of the asset register: managers and admins add, edit and remove them; every change is
 * audited with the building's name, so the log reads even after a building is gone.
 */

export type RegisterResult<T = object> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors };
type Saved = RegisterResult<{ id: string; updatedAt: string }>;

const AUDITED = [
  "name",
  "nameEn",
  "kind",
  "factoryType",
  "storeys",
  "structure",
  "structureEn",
  "floorHeightM",
  "floorLoadKgPerSqm",
  "powerKva",
  "completionYear",
  "propertyTermYears",
  "position",
] as const;

const nameTaken = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
/** Strictly later than the last change, so a token taken in the same millisecond still goes stale. */
const nextStamp = (previous: Date) => new Date(Math.max(Date.now(), previous.getTime() + 1));

export async function createBuilding(db: Database, viewer: Viewer | null, input: unknown): Promise<Saved> {
  assertRole(viewer, INVENTORY_MANAGERS, "add buildings");
  const parsed = buildingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const data = parsed.data;
  try {
    return await db.$transaction(async (tx): Promise<Saved> => {
      if (!(await tx.park.findUnique({ where: { id: data.parkId }, select: { id: true } })))
        return { ok: false, fieldErrors: { parkId: "notFound" } };
      const created = await tx.building.create({ data });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "building.create",
        entityType: "Building",
        entityId: created.id,
        details: { building: created.name, parkId: created.parkId, ...changesBetween(AUDITED, null, data) },
      });
      return { ok: true, id: created.id, updatedAt: created.updatedAt.toISOString() };
    });
  } catch (error) {
    if (nameTaken(error)) return { ok: false, fieldErrors: { name: "buildingNameTaken" } };
    throw error;
  }
}

/** Saves only over the building as the form loaded it (its updatedAt); otherwise "stale" and nothing saved. */
export async function updateBuilding(db: Database, viewer: Viewer | null, input: unknown): Promise<Saved> {
  assertRole(viewer, INVENTORY_MANAGERS, "edit buildings");
  const parsed = buildingUpdateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { id, updatedAt, ...fields } = parsed.data;
  try {
    return await db.$transaction(async (tx): Promise<Saved> => {
      const current = await tx.building.findUnique({ where: { id } });
      if (!current) return { ok: false, fieldErrors: { id: "notFound" } };
      if (current.updatedAt.getTime() !== updatedAt.getTime())
        return { ok: false, fieldErrors: { updatedAt: "stale" } };
      if (current.kind !== fields.kind && fields.kind !== "LAND") {
        // A plot in 亩 belongs to land: a building with such units cannot stop being land.
        if (await tx.unit.findFirst({ where: { buildingId: id, areaUnit: "MU" }, select: { id: true } }))
          return { ok: false, fieldErrors: { kind: "buildingHasPlots" } };
      }
      const changes = changesBetween(AUDITED, current, fields);
      if (Object.keys(changes).length === 0) return { ok: true, id, updatedAt: current.updatedAt.toISOString() };
      const stamp = nextStamp(current.updatedAt);
      const saved = await tx.building.updateMany({ where: { id, updatedAt }, data: { ...fields, updatedAt: stamp } });
      if (saved.count === 0) return { ok: false, fieldErrors: { updatedAt: "stale" } };
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "building.update",
        entityType: "Building",
        entityId: id,
        details: { building: fields.name, parkId: current.parkId, ...changes },
      });
      return { ok: true, id, updatedAt: stamp.toISOString() };
    });
  } catch (error) {
    if (nameTaken(error)) return { ok: false, fieldErrors: { name: "buildingNameTaken" } };
    throw error;
  }
}

/** Only a building without units goes; one with units keeps its history (mark them 不可租售 instead). */
export async function deleteBuilding(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<RegisterResult<{ parkId: string }>> {
  assertRole(viewer, INVENTORY_MANAGERS, "remove buildings");
  const parsed = buildingRefSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { id } = parsed.data;
  return db.$transaction(async (tx): Promise<RegisterResult<{ parkId: string }>> => {
    // Locked, so a unit added at the same moment waits and then finds the building gone.
    const [building] = await tx.$queryRaw<{ id: string; name: string; parkId: string }[]>`
      SELECT "id", "name", "parkId" FROM "Building" WHERE "id" = ${id} FOR UPDATE`;
    if (!building) return { ok: false, fieldErrors: { id: "notFound" } };
    if (await tx.unit.findFirst({ where: { buildingId: id }, select: { id: true } }))
      return { ok: false, fieldErrors: { id: "buildingHasUnits" } };
    await tx.building.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "building.delete",
      entityType: "Building",
      entityId: id,
      details: { building: building.name, parkId: building.parkId },
    });
    return { ok: true, parkId: building.parkId };
  });
}
