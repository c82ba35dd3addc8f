import "server-only";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";
import type { Prisma } from "../db/generated/client";
import { logEvent } from "../log";
import { DEFAULT_SETTINGS, SETTING_KEYS, settingSchemas, type SettingKey, type Settings } from "./schema";

type Reader = Pick<Prisma.TransactionClient, "setting">;

/**
 * A stored section, parsed with today's schema: fields it no longer knows are dropped, absent ones take their
 * defaults.
 */
export function parseStoredSetting<K extends SettingKey>(key: K, stored: unknown): Settings[K] {
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return DEFAULT_SETTINGS[key];
  const schema = settingSchemas[key];
  const known = Object.fromEntries(Object.entries(stored).filter(([field]) => field in schema.shape));
  const parsed = schema.safeParse(known);
  if (parsed.success) return parsed.data as Settings[K];
  // Never block an inquiry on a bad stored value: work with the defaults and say so.
  logEvent("settings.invalid", { key, fields: parsed.error.issues.map((issue) => issue.path.join(".")) });
  return DEFAULT_SETTINGS[key];
}

/**
 * Every settings section, read from the database on each call: the app runs as several stateless
 * instances, so a change an admin saves on one must apply on the next request to any other.
 * No access check: the rules apply to every inquiry, including anonymous ones.
 */
export async function readSettings(db: Reader): Promise<Settings> {
  const rows = await db.setting.findMany({
    where: { key: { in: [...SETTING_KEYS] } },
    select: { key: true, value: true },
  });
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  return {
    assignment: parseStoredSetting("assignment", stored.get("assignment")),
    workingHours: parseStoredSetting("workingHours", stored.get("workingHours")),
    score: parseStoredSetting("score", stored.get("score")),
    inventory: parseStoredSetting("inventory", stored.get("inventory")),
    delivery: parseStoredSetting("delivery", stored.get("delivery")),
  };
}

/** The settings as the admin's rules page shows them. */
export async function settingsForAdmin(db: Reader, viewer: Viewer | null): Promise<Settings> {
  assertRole(viewer, ["ADMIN"], "read settings");
  return readSettings(db);
}
