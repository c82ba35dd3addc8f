/*
 * Which plan a milestone was held to at a given moment. ProjectMilestone.plannedOn is the plan in force now
 * and plannedSince the moment it took effect; MilestonePlanChange keeps every plan with its effectiveAt:
 * - the first plan takes effect at the signing (it is the contract's), whenever it was typed in;
 * - a re-plan takes effect when it is made, and needs a reason.
 * The plan in force at T is plannedOn when plannedSince ≤ T, else the latest change at or before T, else none.
 * "As of day D" means the end of that day in Shanghai, so a milestone planned for D is late from D + 1.
 * plannedSince is null only while a milestone was never planned (a cleared plan holds from when it was cleared).
 * The delivery report states the same rule in SQL over the copy on the project's row (lib/reports/delivery/figures.ts).
 */

import { shanghaiDayStart } from "../calendar/shanghai-time";

/** The end of a calendar day (YYYY-MM-DD) in Shanghai, as the instant a report "as of" that day measures at. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(shanghaiDayStart(day).getTime() + 86_400_000);
}

export interface PlanHistoryRow {
  plannedOn: Date | null;
  effectiveAt: Date;
}

/** The plan in force at `at` for one milestone, from its current plan and its history (in any order). */
export function planInForce(
  milestone: { plannedOn: Date | null; plannedSince: Date | null },
  history: readonly PlanHistoryRow[],
  at: Date,
): Date | null {
  if (milestone.plannedSince && milestone.plannedSince <= at) return milestone.plannedOn;
  let best: PlanHistoryRow | null = null;
  for (const row of history) if (row.effectiveAt <= at && (!best || row.effectiveAt >= best.effectiveAt)) best = row;
  return best?.plannedOn ?? null;
}
