import "server-only";
import type { Database } from "../db/client";
import { AccessDenied, assertRole } from "../auth/access";
import { generatePassword, hashPassword } from "../auth/password";
import type { Role } from "../auth/schema";
import type { Viewer } from "../auth/session";
import { recordAudit } from "../audit/record";
import { newUserSchema, userActiveSchema, userAwaySchema, userIdSchema, userRoleSchema } from "./schema";
import { fieldErrorsOf, type FieldErrors } from "../forms/field-errors";

export type UserResult<T = object> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors };

/** An admin creates a user with a first password that they hand over; the email must be new. */
export async function createUser(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<UserResult<{ id: string }>> {
  assertRole(viewer, ["ADMIN"], "create users");
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { email, name, role, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const [created] = await tx.user.createManyAndReturn({
      data: [{ email, name, role, passwordHash }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!created) return { ok: false as const, fieldErrors: { email: "emailTaken" } };
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "user.create",
      entityType: "User",
      entityId: created.id,
      details: { email, name, role },
    });
    return { ok: true as const, id: created.id };
  });
}

/**
 * Role changes, deactivation and password resets end the user's current sessions (sessionVersion),
 * and never leave the workspace without an active admin.
 */
async function changeUser(
  db: Database,
  viewer: Viewer,
  userId: string,
  change: { role?: Role; active?: boolean; passwordHash?: string },
  action: string,
): Promise<UserResult> {
  return db.$transaction(async (tx) => {
    // Serialises admin changes, so two admins cannot demote each other at once and leave none.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) return { ok: false as const, fieldErrors: { userId: "notFound" } };
    const losesAdmin =
      user.role === "ADMIN" && user.active && (change.active === false || (change.role && change.role !== "ADMIN"));
    if (losesAdmin && (await tx.user.count({ where: { role: "ADMIN", active: true } })) <= 1) {
      return { ok: false as const, fieldErrors: { userId: "lastAdmin" } };
    }
    await tx.user.update({
      where: { id: userId },
      data: { ...change, sessionVersion: { increment: 1 } },
    });
    const details = {
      ...(change.role ? { role: [user.role, change.role] } : {}),
      ...(change.active !== undefined ? { active: [user.active, change.active] } : {}),
    };
    await recordAudit(tx, { actorId: viewer.id, action, entityType: "User", entityId: userId, details });
    return { ok: true as const };
  });
}

export async function changeUserRole(db: Database, viewer: Viewer | null, input: unknown): Promise<UserResult> {
  assertRole(viewer, ["ADMIN"], "change roles");
  const parsed = userRoleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return changeUser(db, viewer, parsed.data.userId, { role: parsed.data.role }, "user.role");
}

export async function setUserActive(db: Database, viewer: Viewer | null, input: unknown): Promise<UserResult> {
  assertRole(viewer, ["ADMIN"], "deactivate users");
  const parsed = userActiveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return changeUser(
    db,
    viewer,
    parsed.data.userId,
    { active: parsed.data.active },
    parsed.data.active ? "user.reactivate" : "user.deactivate",
  );
}

/** A new one-time password for the admin to hand over; the old one and every session stop working. */
export async function resetUserPassword(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<UserResult<{ password: string }>> {
  assertRole(viewer, ["ADMIN"], "reset passwords");
  const parsed = userIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const password = generatePassword();
  const result = await changeUser(
    db,
    viewer,
    parsed.data.userId,
    { passwordHash: await hashPassword(password) },
    "user.password_reset",
  );
  return result.ok ? { ok: true, password } : result;
}

/**
 * Marks a user away or back. Admins may do it for anyone, every user for themselves. It ends no
 * session: an away user keeps working their leads, they only stop receiving new ones.
 */
export async function setUserAway(db: Database, viewer: Viewer | null, input: unknown): Promise<UserResult> {
  assertRole(viewer, ["STAFF", "MANAGER", "ADMIN"], "set away");
  const parsed = userAwaySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { userId, away } = parsed.data;
  if (viewer.role !== "ADMIN" && userId !== viewer.id) throw new AccessDenied("set another user away");
  return db.$transaction(async (tx) => {
    // The row lock makes a concurrent intake's round-robin skip this user until the switch is saved.
    const [user] = await tx.$queryRaw<{ away: boolean }[]>`SELECT "away" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!user) return { ok: false as const, fieldErrors: { userId: "notFound" } };
    if (user.away === away) return { ok: true as const };
    await tx.user.update({ where: { id: userId }, data: { away } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "user.away",
      entityType: "User",
      entityId: userId,
      details: { away: [user.away, away] },
    });
    return { ok: true as const };
  });
}
