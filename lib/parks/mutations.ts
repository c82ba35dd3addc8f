import "server-only";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import { assertRole } from "../auth/access";
import type { Role } from "../auth/schema";
import type { Viewer } from "../auth/session";
import { recordAudit } from "../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../forms/field-errors";
import { parkSchema, parkUpdateSchema } from "./schema";

/** Parks are workspace settings: the admin's. Staff and managers only read them. */
export const PARK_MANAGERS: readonly Role[] = ["ADMIN"];

export type ParkResult = { ok: true; id: string; updatedAt: string } | { ok: false; fieldErrors: FieldErrors };
type Tx = Prisma.TransactionClient;
type Value = string | null;

const AUDITED = [
  "slug",
  "name",
  "nameEn",
  "city",
  "cityEn",
  "address",
  "addressEn",
  "description",
  "descriptionEn",
  "totalAreaMu",
  "operatorName",
  "contactPhone",
  "ownerId",
] as const;

function changesBetween(before: Record<string, unknown> | null, after: Record<string, unknown>) {
  const plain = (value: unknown): Value => (value === null || value === undefined ? null : String(value));
  const changes: Record<string, [Value, Value]> = {};
  for (const field of AUDITED) {
    const [from, to] = [plain(before?.[field]), plain(after[field])];
    const equal =
      from === to || (field === "totalAreaMu" && from !== null && to !== null && Number(from) === Number(to));
    if (!equal) changes[field] = [from, to];
  }
  return changes;
}

/** The owner receives leads, so only an active user may be one. */
async function ownerProblem(tx: Tx, ownerId: string | null): Promise<FieldErrors | null> {
  if (!ownerId) return null;
  const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { active: true } });
  if (!owner) return { ownerId: "notFound" };
  return owner.active ? null : { ownerId: "ownerInactive" };
}

const isSlugTaken = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function createPark(db: Database, viewer: Viewer | null, input: unknown): Promise<ParkResult> {
  assertRole(viewer, PARK_MANAGERS, "create parks");
  const parsed = parkSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const data = parsed.data;
  try {
    return await db.$transaction(async (tx): Promise<ParkResult> => {
      const problem = await ownerProblem(tx, data.ownerId);
      if (problem) return { ok: false, fieldErrors: problem };
      if (await tx.park.findUnique({ where: { slug: data.slug }, select: { id: true } }))
        return { ok: false, fieldErrors: { slug: "keyTaken" } };
      const park = await tx.park.create({ data });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "park.create",
        entityType: "Park",
        entityId: park.id,
        details: changesBetween(null, data),
      });
      return { ok: true, id: park.id, updatedAt: park.updatedAt.toISOString() };
    });
  } catch (error) {
    // Two admins creating the same slug at once: the unique index decides.
    if (isSlugTaken(error)) return { ok: false, fieldErrors: { slug: "keyTaken" } };
    throw error;
  }
}

/** Saves the park only if nobody changed it since the form was loaded (its updatedAt); else "stale". */
export async function updatePark(db: Database, viewer: Viewer | null, input: unknown): Promise<ParkResult> {
  assertRole(viewer, PARK_MANAGERS, "edit parks");
  const parsed = parkUpdateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { id, updatedAt, ...data } = parsed.data;
  try {
    return await db.$transaction(async (tx): Promise<ParkResult> => {
      const current = await tx.park.findUnique({ where: { id } });
      if (!current) return { ok: false, fieldErrors: { id: "notFound" } };
      if (current.updatedAt.getTime() !== updatedAt.getTime())
        return { ok: false, fieldErrors: { updatedAt: "stale" } };
      const changes = changesBetween(current, data);
      if (Object.keys(changes).length === 0) return { ok: true, id, updatedAt: current.updatedAt.toISOString() };
      if (changes.ownerId) {
        const problem = await ownerProblem(tx, data.ownerId);
        if (problem) return { ok: false, fieldErrors: problem };
      }
      if (changes.slug && (await tx.park.findUnique({ where: { slug: data.slug }, select: { id: true } })))
        return { ok: false, fieldErrors: { slug: "keyTaken" } };
      const stamp = new Date(Math.max(Date.now(), current.updatedAt.getTime() + 1));
      const saved = await tx.park.updateMany({ where: { id, updatedAt }, data: { ...data, updatedAt: stamp } });
      if (saved.count === 0) return { ok: false, fieldErrors: { updatedAt: "stale" } };
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "park.update",
        entityType: "Park",
        entityId: id,
        details: changes,
      });
      return { ok: true, id, updatedAt: stamp.toISOString() };
    });
  } catch (error) {
    if (isSlugTaken(error)) return { ok: false, fieldErrors: { slug: "keyTaken" } };
    throw error;
  }
}
