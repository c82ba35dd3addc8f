import "server-only";
import type { Prisma } from "../db/generated/client";
import { parseStoredSetting } from "../settings/queries";
import type { InventorySettings } from "../settings/schema";

export type InventoryRules = InventorySettings;

/**
 * The hold rules (days a hold lasts, renewals an officer may make, hours of warning before an expiry),
 * read from the database on each call like every setting, so a change applies at once on every instance.
 */
export async function readInventoryRules(db: Pick<Prisma.TransactionClient, "setting">): Promise<InventoryRules> {
  const row = await db.setting.findUnique({ where: { key: "inventory" }, select: { value: true } });
  return parseStoredSetting("inventory", row?.value);
}

const HOUR_MS = 3_600_000;

export function holdExpiry(rules: InventoryRules, now: Date): Date {
  return new Date(now.getTime() + rules.holdDays * 24 * HOUR_MS);
}

/** When the holder is told "a hold you own expires tomorrow": never before the hold starts. */
export function reminderDue(rules: InventoryRules, expiresAt: Date, now: Date): Date {
  return new Date(Math.max(now.getTime(), expiresAt.getTime() - rules.reminderHours * HOUR_MS));
}
