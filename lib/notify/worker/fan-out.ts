import "server-only";
import type { Database } from "../../db/client";
import { isDatabaseUnavailable } from "../../db/errors";
import { newId } from "../../db/ids";
import type { Delivery, OutboxEvent, Prisma } from "../../db/generated/client";
import { logEvent } from "../../log";
import { recordEvents } from "../../outbox/events";
import { readNotifyRules } from "../settings";
import { retryDelayMs, type Backoff } from "./backoff";
import type { PlannedDelivery, WorkerDeps } from "./deps";

export interface FanOutContext {
  db: Database;
  deps: Pick<WorkerDeps, "planEvents">;
  now: Date;
  /**
   * the lease the events were claimed with: only the holder of the claim may finish them; the
   * deliveries they plan are born claimed under it too, for this pass to send
   */
  claimedUntil: Date;
  backoff: Backoff;
}

/** Another instance took the events over (this one held them past the lease): its work is dropped. */
class LeaseLost extends Error {
  override name = "LeaseLost";
}

/**
 * Turns claimed events into deliveries, in one transaction for the batch: the planned deliveries,
 * the follow-up events and the events marked done commit together, so an event fans out once.
 * A batch that fails is tried again one event at a time, so one bad event cannot hold up the rest.
 * Returns the deliveries planned, already claimed (SENDING under the events' lease, first attempt
 * counted): sent in the same pass without a claim of their own, or by another instance once the
 * lease passes if this one dies first.
 */
export async function fanOut(events: OutboxEvent[], context: FanOutContext): Promise<Delivery[]> {
  if (events.length === 0) return [];
  try {
    return await context.db.$transaction((tx) => planAndStore(tx, events, context));
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    if (error instanceof LeaseLost) {
      logEvent("notify.events_lease_lost", { events: events.length });
      return [];
    }
    if (events.length > 1) {
      const planned: Delivery[] = [];
      for (const event of events) planned.push(...(await fanOut([event], context)));
      return planned;
    }
    await context.db.$transaction((tx) =>
      postpone(tx, [{ event: events[0], error: error instanceof Error ? error.message : String(error) }], context),
    );
    return [];
  }
}

async function planAndStore(tx: Prisma.TransactionClient, events: OutboxEvent[], context: FanOutContext) {
  const { now } = context;
  const plan = await context.deps.planEvents(tx, events, now);
  const failedIds = new Set(plan.failed.map((failure) => failure.eventId));
  const deliveries = plan.deliveries.filter((delivery) => !failedIds.has(delivery.eventId));
  const planned = deliveries.length > 0 ? await insertDeliveries(tx, deliveries, now, context.claimedUntil) : [];
  await recordEvents(tx, plan.events);
  const doneIds = events.filter((event) => !failedIds.has(event.id)).map((event) => event.id);
  if (doneIds.length > 0) {
    const done = await tx.$executeRaw`
      UPDATE "OutboxEvent" SET "doneAt" = ${now}, "claimedUntil" = NULL
      WHERE "id" = ANY(${doneIds}::text[]) AND "doneAt" IS NULL AND "claimedUntil" = ${context.claimedUntil}`;
    if (done !== doneIds.length) throw new LeaseLost();
  }
  const byId = new Map(events.map((event) => [event.id, event]));
  await postpone(
    tx,
    plan.failed.flatMap(({ eventId, error }) => {
      const event = byId.get(eventId);
      return event ? [{ event, error }] : [];
    }),
    context,
  );
  return planned;
}

/**
 * One INSERT for the batch, with ids made here (lib/db/ids.ts): Prisma's createMany would make a
 * cuid per row, which costs more than the rest of a delivery's planning. The rows are born claimed
 * (SENDING, first attempt, under the events' lease): a separate claim would write each row once more.
 */
async function insertDeliveries(
  tx: Prisma.TransactionClient,
  deliveries: PlannedDelivery[],
  now: Date,
  claimedUntil: Date,
): Promise<Delivery[]> {
  const column = <T>(pick: (delivery: PlannedDelivery) => T) => deliveries.map(pick);
  return tx.$queryRaw<Delivery[]>`
    INSERT INTO "Delivery" ("id", "eventId", "topic", "medium", "channelId", "userId", "inquiryId", "leadId",
      "status", "attempts", "claimedUntil", "nextAttemptAt", "createdAt", "updatedAt")
    SELECT p.id, p.event, p.topic, p.medium::"DeliveryMedium", p.channel, p.recipient, p.inquiry, p.lead,
      'SENDING', 1, ${claimedUntil}, ${now}, ${now}, ${now}
    FROM unnest(
      ${column(() => newId(now.getTime()))}::text[], ${column((d) => d.eventId)}::text[],
      ${column((d) => d.topic)}::text[], ${column((d) => d.medium)}::text[],
      ${column((d) => d.channelId ?? null)}::text[],
      ${column((d) => d.userId ?? null)}::text[], ${column((d) => d.inquiryId ?? null)}::text[],
      ${column((d) => d.leadId ?? null)}::text[]
    ) AS p(id, event, topic, medium, channel, recipient, inquiry, lead)
    RETURNING *`;
}

/** Events the planner failed: due again after a backoff, or given up (done, with a log line) after the last try. */
async function postpone(
  tx: Prisma.TransactionClient,
  failures: { event: OutboxEvent; error: string }[],
  context: FanOutContext,
): Promise<void> {
  if (failures.length === 0) return;
  const { now, backoff } = context;
  // Read in the transaction: on PGlite, one connection, a read beside it would wait for it to end.
  const { maxAttempts } = await readNotifyRules(tx);
  const ids: string[] = [];
  const dueAts: string[] = [];
  const done: (string | null)[] = [];
  for (const { event, error } of failures) {
    const last = event.attempts >= maxAttempts;
    logEvent(last ? "notify.event_given_up" : "notify.event_failed", {
      eventId: event.id,
      kind: event.kind,
      attempts: event.attempts,
      error: error.slice(0, 300),
    });
    ids.push(event.id);
    dueAts.push(new Date(now.getTime() + retryDelayMs(event.attempts, backoff)).toISOString());
    done.push(last ? now.toISOString() : null);
  }
  await tx.$executeRaw`
    UPDATE "OutboxEvent" AS e
    SET "dueAt" = CASE WHEN f.done IS NULL THEN f.due::timestamptz AT TIME ZONE 'UTC' ELSE e."dueAt" END,
        "doneAt" = f.done::timestamptz AT TIME ZONE 'UTC', "claimedUntil" = NULL
    FROM unnest(${ids}::text[], ${dueAts}::text[], ${done}::text[]) AS f(id, due, done)
    WHERE e."id" = f.id AND e."doneAt" IS NULL AND e."claimedUntil" = ${context.claimedUntil}`;
}
