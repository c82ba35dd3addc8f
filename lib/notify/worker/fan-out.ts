import "server-only";
import type { Database } from "../../db/client";
import { isDatabaseUnavailable } from "../../db/errors";
import { newId } from "../../db/ids";
import type { Delivery, OutboxEvent, Prisma } from "../../db/generated/client";
import { logEvent } from "../../log";
import { recordEvents } from "../../outbox/events";
import { readNotifyRules } from "../settings";
import { retryDelayMs, type Backoff } from "./backoff";
import { lockDueEvents } from "./claim";
import type { PlannedDelivery, WorkerDeps } from "./deps";

export interface FanOutContext {
  db: Database;
  deps: Pick<WorkerDeps, "planEvents">;
  now: Date;
  /** events per batch */
  limit: number;
  /** the pass's lease: the deliveries the events plan are born claimed under it, for this pass to send */
  claimedUntil: Date;
  backoff: Backoff;
}

/**
 * Locks due events and turns them into deliveries, in one transaction for the batch: the planned
 * deliveries, the follow-up events and the events marked done commit together, so an event fans out
 * once, and a worker that dies mid-plan leaves the events to the next (its transaction rolls back).
 * A batch that fails is tried again one event at a time, so one bad event cannot hold up the rest.
 * Returns how many events were taken and the deliveries planned, already claimed (SENDING under the
 * pass's lease, first attempt counted): sent in the same pass without a claim of their own, or by
 * another instance once the lease passes if this one dies first.
 */
export async function fanOut(context: FanOutContext): Promise<{ events: number; planned: Delivery[] }> {
  let locked: OutboxEvent[] = [];
  try {
    const planned = await context.db.$transaction(async (tx) => {
      locked = await lockDueEvents(tx, context);
      return locked.length > 0 ? planAndStore(tx, locked, context) : [];
    });
    return { events: locked.length, planned };
  } catch (error) {
    if (isDatabaseUnavailable(error) || locked.length === 0) throw error;
    const planned: Delivery[] = [];
    for (const event of locked) planned.push(...(await fanOutOne(event.id, context)));
    return { events: locked.length, planned };
  }
}

/** One event of a batch that failed, alone: planned if it can be, else postponed (or given up). */
async function fanOutOne(eventId: string, context: FanOutContext): Promise<Delivery[]> {
  try {
    return await context.db.$transaction(async (tx) => {
      const [event] = await lockDueEvents(tx, context, eventId);
      return event ? planAndStore(tx, [event], context) : [];
    });
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    await context.db.$transaction(async (tx) => {
      const [event] = await lockDueEvents(tx, context, eventId);
      if (event)
        await postpone(tx, [{ event, error: error instanceof Error ? error.message : String(error) }], context);
    });
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
  if (doneIds.length > 0)
    await tx.$executeRaw`UPDATE "OutboxEvent" SET "doneAt" = ${now} WHERE "id" = ANY(${doneIds}::text[])`;
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
 * The rows are returned as written, made here rather than read back: every value is known.
 */
async function insertDeliveries(
  tx: Prisma.TransactionClient,
  deliveries: PlannedDelivery[],
  now: Date,
  claimedUntil: Date,
): Promise<Delivery[]> {
  const rows: Delivery[] = deliveries.map((delivery) => ({
    id: newId(now.getTime()),
    eventId: delivery.eventId,
    topic: delivery.topic,
    medium: delivery.medium,
    channelId: delivery.channelId ?? null,
    subscriptionId: delivery.subscriptionId ?? null,
    userId: delivery.userId ?? null,
    inquiryId: delivery.inquiryId ?? null,
    leadId: delivery.leadId ?? null,
    status: "SENDING",
    attempts: 1,
    nextAttemptAt: now,
    claimedUntil,
    answer: null,
    sentAt: null,
    createdAt: now,
    updatedAt: now,
  }));
  const column = <T>(pick: (row: Delivery) => T) => rows.map(pick);
  await tx.$executeRaw`
    INSERT INTO "Delivery" ("id", "eventId", "topic", "medium", "channelId", "subscriptionId", "userId", "inquiryId",
      "leadId", "status", "attempts", "claimedUntil", "nextAttemptAt", "createdAt", "updatedAt")
    SELECT p.id, p.event, p.topic, p.medium::"DeliveryMedium", p.channel, p.subscription, p.recipient, p.inquiry,
      p.lead, 'SENDING', 1, ${claimedUntil}, ${now}, ${now}, ${now}
    FROM unnest(
      ${column((d) => d.id)}::text[], ${column((d) => d.eventId)}::text[],
      ${column((d) => d.topic)}::text[], ${column((d) => d.medium)}::text[], ${column((d) => d.channelId)}::text[],
      ${column((d) => d.subscriptionId)}::text[], ${column((d) => d.userId)}::text[],
      ${column((d) => d.inquiryId)}::text[], ${column((d) => d.leadId)}::text[]
    ) AS p(id, event, topic, medium, channel, subscription, recipient, inquiry, lead)`;
  return rows;
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
    // attempts counts the tries that failed, this one included
    const attempts = event.attempts + 1;
    const last = attempts >= maxAttempts;
    logEvent(last ? "notify.event_given_up" : "notify.event_failed", {
      eventId: event.id,
      kind: event.kind,
      attempts,
      error: error.slice(0, 300),
    });
    ids.push(event.id);
    dueAts.push(new Date(now.getTime() + retryDelayMs(attempts, backoff)).toISOString());
    done.push(last ? now.toISOString() : null);
  }
  await tx.$executeRaw`
    UPDATE "OutboxEvent" AS e
    SET "dueAt" = CASE WHEN f.done IS NULL THEN f.due::timestamptz AT TIME ZONE 'UTC' ELSE e."dueAt" END,
        "doneAt" = f.done::timestamptz AT TIME ZONE 'UTC', "attempts" = e."attempts" + 1
    FROM unnest(${ids}::text[], ${dueAts}::text[], ${done}::text[]) AS f(id, due, done)
    WHERE e."id" = f.id AND e."doneAt" IS NULL`;
}
