import "server-only";
import { shanghaiDay, toShanghaiLocal } from "../../calendar/shanghai-time";
import { isWorkingDay } from "../../calendar/working-hours";
import type { Database } from "../../db/client";
import { notificationsOn, recordEvents, type OutboxEventInput } from "../../outbox/events";
import { readSettings } from "../../settings/queries";
import { readNotifyRules } from "../settings";

/**
 * The working day's scheduled mails, as outbox events: once Shanghai time passes the rules'
 * tasksTime, "tasks.due"; once it passes digestTime, "digest.daily". Every instance's worker calls
 * this about once a minute; each day's event carries a key of its day, and the insert skips a key
 * already recorded (ON CONFLICT DO NOTHING), so however many instances run, each is written once.
 * A day off records nothing. Times are compared as "HH:MM" strings, which order as times do.
 */
export async function scheduleDailyEvents(db: Database, now: Date): Promise<void> {
  if (!notificationsOn()) return;
  const [settings, rules] = await Promise.all([readSettings(db), readNotifyRules(db)]);
  const day = shanghaiDay(now);
  if (!isWorkingDay(day, settings.workingHours)) return;
  const clock = toShanghaiLocal(now).slice(11, 16);
  const due: OutboxEventInput[] = [];
  if (clock >= rules.tasksTime) due.push({ kind: "tasks.due", dedupeKey: `tasks:${day}`, dueAt: now });
  if (clock >= rules.digestTime) due.push({ kind: "digest.daily", dedupeKey: `digest:${day}`, dueAt: now });
  await recordEvents(db, due);
}
