import "server-only";
import type { Prisma } from "../../db/generated/client";
import { parseStoredSetting } from "../../settings/queries";
import { shanghaiDay } from "../../calendar/shanghai-time";

/*
 * The words every warning shares (common definitions, days are Shanghai calendar days):
 * an open milestone (no actual day) is late (逾期) once its planned day is before today, and due soon
 * (即将到期) from warnDays before its planned day through that day.
 */

export type MilestoneState = "late" | "dueSoon" | null;

/** The 履约 rules' warning days (Setting "delivery"). */
export async function readWarnDays(db: Pick<Prisma.TransactionClient, "setting">): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: "delivery" }, select: { value: true } });
  return parseStoredSetting("delivery", row?.value).warnDays;
}

/** YYYY-MM-DD of a @db.Date column. */
export const dayOf = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);

/** The calendar day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(new Date(`${day}T00:00:00.000Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Where an open milestone stands today: late, due soon, or neither (also for a done or unplanned one). */
export function milestoneState(
  milestone: { plannedOn: string | null; actualOn: string | null },
  now: Date,
  warnDays: number,
): MilestoneState {
  if (milestone.actualOn || !milestone.plannedOn) return null;
  const today = shanghaiDay(now);
  if (milestone.plannedOn < today) return "late";
  if (milestone.plannedOn <= addDays(today, warnDays)) return "dueSoon";
  return null;
}
