import "server-only";
import type { Database } from "../../db/client";
import { isDatabaseUnavailable } from "../../db/errors";
import type { Delivery, DeliveryStatus } from "../../db/generated/client";
import { logEvent } from "../../log";
import type { Outcome } from "../message";
import { retryDelayMs, type Backoff } from "./backoff";
import type { ChannelTarget, Rendered, WorkerDeps } from "./deps";
import { inParallel } from "./parallel";

export interface DeliverContext {
  db: Database;
  deps: Pick<WorkerDeps, "renderDeliveries" | "sendMail" | "channelTargets" | "sendToChannel">;
  now: Date;
  /** the lease the deliveries were claimed with: a result is written only while this claim holds */
  claimedUntil: Date;
  maxAttempts: number;
  backoff: Backoff;
  sendTimeoutMs: number;
  concurrency: number;
}

/** What one attempt came to, as it is written back. */
interface Result {
  delivery: Delivery;
  status: Extract<DeliveryStatus, "SENT" | "RETRYING" | "DEAD" | "SKIPPED">;
  answer: string;
  nextAttemptAt?: Date;
  /** a channel's own refusal: flagged for admins */
  channelDead?: boolean;
}

const ANSWER_LENGTH = 500;
/** A sender is given sendTimeoutMs; this much more and the worker stops waiting for it. */
const TIMEOUT_GRACE_MS = 1_000;

/**
 * Renders and sends claimed deliveries, several at once, and writes every result back in one
 * statement. Nothing a sender does (throws, hangs) stops the batch: it becomes a retry.
 */
export async function deliver(deliveries: Delivery[], context: DeliverContext): Promise<void> {
  if (deliveries.length === 0) return;
  const { db, deps, now } = context;
  let rendered: Map<string, Rendered>;
  let targets: Map<string, ChannelTarget>;
  try {
    rendered = await deps.renderDeliveries(db, deliveries, now);
    const channelIds = [...new Set(deliveries.flatMap((delivery) => delivery.channelId ?? []))];
    targets = channelIds.length > 0 ? await deps.channelTargets(db, channelIds) : new Map();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    logEvent("notify.render_failed", { deliveries: deliveries.length, error: errorText(error).slice(0, 300) });
    const failed = { status: "retry", answer: `render: ${errorText(error)}` } as const;
    await writeResults(
      deliveries.map((delivery) => judge(delivery, failed, context)),
      context,
    );
    return;
  }
  const results = await inParallel(deliveries, context.concurrency, async (delivery) => {
    const message = rendered.get(delivery.id) ?? { skip: "nothing to send" };
    if ("skip" in message) return { delivery, status: "SKIPPED", answer: message.skip } satisfies Result;
    const outcome = await attempt(delivery, message, targets, context);
    return judge(delivery, outcome, context);
  });
  await writeResults(results, context);
}

async function attempt(
  delivery: Delivery,
  message: Exclude<Rendered, { skip: string }>,
  targets: Map<string, ChannelTarget>,
  { db, deps, sendTimeoutMs }: DeliverContext,
): Promise<Outcome | { status: "skip"; answer: string }> {
  try {
    if (message.medium === "EMAIL") return await bounded(deps.sendMail(db, message, { timeoutMs: sendTimeoutMs }));
    const target = delivery.channelId ? targets.get(delivery.channelId) : undefined;
    if (!target) return { status: "skip", answer: "channel removed or inactive" };
    return await bounded(deps.sendToChannel(target, message, { timeoutMs: sendTimeoutMs, deliveryId: delivery.id }));
  } catch (error) {
    return { status: "retry", answer: errorText(error) };
  }

  function bounded(sending: Promise<Outcome>): Promise<Outcome> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Outcome>((resolve) => {
      timer = setTimeout(
        () => resolve({ status: "retry", answer: `no answer within ${sendTimeoutMs} ms` }),
        sendTimeoutMs + TIMEOUT_GRACE_MS,
      );
    });
    return Promise.race([sending, late]).finally(() => clearTimeout(timer));
  }
}

function judge(
  delivery: Delivery,
  outcome: Outcome | { status: "skip"; answer: string },
  { now, maxAttempts, backoff }: DeliverContext,
): Result {
  const answer = outcome.answer.slice(0, ANSWER_LENGTH);
  switch (outcome.status) {
    case "sent":
      return { delivery, status: "SENT", answer };
    case "skip":
      return { delivery, status: "SKIPPED", answer };
    case "dead":
      return { delivery, status: "DEAD", answer, channelDead: delivery.channelId !== null };
    case "retry":
      if (delivery.attempts >= maxAttempts) return { delivery, status: "DEAD", answer };
      return {
        delivery,
        status: "RETRYING",
        answer,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(delivery.attempts, backoff, outcome.retryAfterMs)),
      };
  }
}

/**
 * One UPDATE for the whole batch, fenced by the claim: a worker that overran its lease (another
 * instance has taken the row since) writes nothing over the newer attempt.
 */
async function writeResults(results: Result[], { db, now, claimedUntil }: DeliverContext): Promise<void> {
  const written = await db.$executeRaw`
    UPDATE "Delivery" AS d
    SET "status" = r.status::"DeliveryStatus", "answer" = r.answer, "claimedUntil" = NULL, "updatedAt" = ${now},
        "nextAttemptAt" = COALESCE(r.next::timestamptz AT TIME ZONE 'UTC', d."nextAttemptAt"),
        "sentAt" = CASE WHEN r.status = 'SENT' THEN ${now} ELSE d."sentAt" END
    FROM unnest(
      ${results.map((result) => result.delivery.id)}::text[],
      ${results.map((result) => result.status)}::text[],
      ${results.map((result) => result.answer)}::text[],
      ${results.map((result) => result.nextAttemptAt?.toISOString() ?? null)}::text[]
    ) AS r(id, status, answer, next)
    WHERE d."id" = r.id AND d."status" = 'SENDING' AND d."claimedUntil" = ${claimedUntil}`;
  if (written < results.length) logEvent("notify.deliveries_lease_lost", { lost: results.length - written });
  for (const result of results)
    if (result.status === "DEAD")
      logEvent("notify.delivery_dead", {
        deliveryId: result.delivery.id,
        medium: result.delivery.medium,
        topic: result.delivery.topic,
        attempts: result.delivery.attempts,
      });
  await flagChannels(results, db, now);
}

/** A channel's refusal for good (a bad key) is shown to admins; its next success clears it. */
async function flagChannels(results: Result[], db: Database, now: Date): Promise<void> {
  const failures = new Map<string, string>();
  const working = new Set<string>();
  for (const { delivery, status, answer, channelDead } of results) {
    if (!delivery.channelId) continue;
    if (channelDead) failures.set(delivery.channelId, answer);
    else if (status === "SENT") working.add(delivery.channelId);
  }
  for (const id of failures.keys()) working.delete(id);
  for (const [id, failure] of failures)
    await db.notifyChannel.updateMany({ where: { id }, data: { failure, failedAt: now } });
  if (working.size > 0)
    await db.notifyChannel.updateMany({
      where: { id: { in: [...working] }, failure: { not: null } },
      data: { failure: null, failedAt: null },
    });
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, ANSWER_LENGTH);
}
