import "server-only";
import { z } from "zod";
import type { Prisma } from "../db/generated/client";
import { logEvent } from "../log";

/*
 * When notifications go out. One Setting row ("notify.rules"), read on every use so a change saved
 * on one instance applies on all; edited by admins under /crm/settings/notifications with this schema.
 * Error messages are i18n keys ("validation.<key>").
 */

export const NOTIFY_RULES_KEY = "notify.rules";
/** The mail server as admins set it: { urlSealed, from } (the URL carries the password, so it is sealed). */
export const MAIL_SERVER_KEY = "notify.mail";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string({ error: "time" }).trim().regex(TIME, "time");
const whole = (min: number, max: number) =>
  z.coerce.number({ error: "number" }).int("integer").min(min, `tooSmall:${min}`).max(max, `tooBig:${max}`);

export const notifyRulesSchema = z.strictObject({
  /** minutes before a first-response deadline that its owner is reminded */
  reminderMinutes: whole(5, 480).default(30),
  /** Asia/Shanghai time of the managers' digest, working days only */
  digestTime: time.default("08:30"),
  /** Asia/Shanghai time of each officer's "tasks due today" mail, working days only */
  tasksTime: time.default("09:00"),
  /** tries before a delivery is marked dead */
  maxAttempts: whole(1, 20).default(8),
});
export type NotifyRules = z.infer<typeof notifyRulesSchema>;
export const DEFAULT_NOTIFY_RULES: NotifyRules = notifyRulesSchema.parse({});

type Reader = Pick<Prisma.TransactionClient, "setting">;

export async function readNotifyRules(db: Reader): Promise<NotifyRules> {
  const row = await db.setting.findUnique({ where: { key: NOTIFY_RULES_KEY }, select: { value: true } });
  if (!row) return DEFAULT_NOTIFY_RULES;
  const parsed = notifyRulesSchema.safeParse(row.value);
  if (parsed.success) return parsed.data;
  logEvent("settings.invalid", { key: NOTIFY_RULES_KEY, fields: parsed.error.issues.map((i) => i.path.join(".")) });
  return DEFAULT_NOTIFY_RULES;
}
