import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { Database } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";
import { recordAudit } from "../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../forms/field-errors";
import { parseStoredSetting } from "./queries";
import { settingSchemas, type SettingKey } from "./schema";

export type SettingsResult =
  { ok: true; changed: boolean; rescored?: number } | { ok: false; fieldErrors: FieldErrors };

/**
 * Admins only; the section is validated whole, stored whole, and audited with its value before and after.
 * A section whose change has to be carried out elsewhere saves through this and then does it: the score
 * section re-scores every lead (lib/leads/score/mutations.ts), so settings never import what they configure.
 */
export async function saveSettingsSection(
  db: Database,
  viewer: Viewer | null,
  key: SettingKey,
  input: unknown,
): Promise<SettingsResult> {
  assertRole(viewer, ["ADMIN"], "change settings");
  const parsed = settingSchemas[key].safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const value = parsed.data as Prisma.InputJsonValue;
  return db.$transaction(async (tx) => {
    // Two admins saving at once: one after the other, so each audit entry's "before" is true.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371)`;
    const row = await tx.setting.findUnique({ where: { key }, select: { value: true } });
    const before = parseStoredSetting(key, row?.value);
    if (row && isDeepStrictEqual(before, parsed.data)) return { ok: true as const, changed: false };
    await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "settings.update",
      entityType: "Setting",
      entityId: key,
      details: { before: before as Prisma.InputJsonValue, after: value },
    });
    return { ok: true as const, changed: true };
  });
}

export function updateAssignmentSettings(db: Database, viewer: Viewer | null, input: unknown): Promise<SettingsResult> {
  return saveSettingsSection(db, viewer, "assignment", input);
}

export function updateWorkingHoursSettings(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<SettingsResult> {
  return saveSettingsSection(db, viewer, "workingHours", input);
}

export function updateInventorySettings(db: Database, viewer: Viewer | null, input: unknown): Promise<SettingsResult> {
  return saveSettingsSection(db, viewer, "inventory", input);
}

export function updateDeliverySettings(db: Database, viewer: Viewer | null, input: unknown): Promise<SettingsResult> {
  return saveSettingsSection(db, viewer, "delivery", input);
}
