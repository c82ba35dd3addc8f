import "server-only";
import type { OutboxEvent, Prisma } from "../../db/generated/client";
import type { OutboxEventInput } from "../../outbox/events";
import { loadBatch } from "./load";
import { planEvent, Unplannable, type PlannedDelivery } from "./rules";

export type { PlannedDelivery } from "./rules";

/** A batch's plan: its deliveries, the follow-up events they schedule, and the events that could not be planned. */
export interface Plan {
  deliveries: (PlannedDelivery & { eventId: string })[];
  /** follow-up events (a reminder, an escalation), recorded in the same transaction */
  events: OutboxEventInput[];
  /** events the planner could not plan now: retried with backoff, the others go ahead */
  failed: { eventId: string; error: string }[];
}

/**
 * Turns due events into deliveries, one per recipient, and into the follow-up events they schedule
 * (a new lead's reminder and escalation). Reads the whole batch up front (lib/notify/plan/load.ts);
 * an event that cannot be planned is reported in `failed` and the rest go ahead.
 */
export async function planEvents(tx: Prisma.TransactionClient, events: OutboxEvent[], now: Date): Promise<Plan> {
  const result: Plan = { deliveries: [], events: [], failed: [] };
  if (events.length === 0) return result;
  const batch = await loadBatch(tx, events, now);
  for (const event of events) {
    try {
      const planned = planEvent(event, batch, now);
      result.deliveries.push(...planned.deliveries.map((delivery) => ({ ...delivery, eventId: event.id })));
      result.events.push(...planned.events);
    } catch (error) {
      if (!(error instanceof Unplannable)) throw error;
      result.failed.push({ eventId: event.id, error: error.message });
    }
  }
  return result;
}
