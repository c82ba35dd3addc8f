import { z } from "zod";

/*
 * The notification rules' schema, without anything server-side: the admin's form validates with it in
 * the browser, and lib/notify/settings.ts reads and stores the setting with it.
 * Error messages are i18n keys ("validation.<key>").
 */

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
