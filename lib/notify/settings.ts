import "server-only";
import type { Prisma } from "../db/generated/client";
import { logEvent } from "../log";
import { DEFAULT_NOTIFY_RULES, notifyRulesSchema, type NotifyRules } from "./rules";

/*
 * When notifications go out. One Setting row ("notify.rules"), read on every use so a change saved
 * on one instance applies on all; edited by admins under /crm/settings/notifications with the schema
 * of ./rules.ts (which the browser loads too).
 */

export const NOTIFY_RULES_KEY = "notify.rules";
/** The mail server as admins set it: { urlSealed, from } (the URL carries the password, so it is sealed). */
export const MAIL_SERVER_KEY = "notify.mail";

export { DEFAULT_NOTIFY_RULES, notifyRulesSchema, type NotifyRules } from "./rules";

type Reader = Pick<Prisma.TransactionClient, "setting">;

export async function readNotifyRules(db: Reader): Promise<NotifyRules> {
  const row = await db.setting.findUnique({ where: { key: NOTIFY_RULES_KEY }, select: { value: true } });
  if (!row) return DEFAULT_NOTIFY_RULES;
  const parsed = notifyRulesSchema.safeParse(row.value);
  if (parsed.success) return parsed.data;
  logEvent("settings.invalid", { key: NOTIFY_RULES_KEY, fields: parsed.error.issues.map((i) => i.path.join(".")) });
  return DEFAULT_NOTIFY_RULES;
}
