import "server-only";
import type { Database } from "../../db/client";
import { isDatabaseUnavailable } from "../../db/errors";
import type { Delivery, DeliveryStatus } from "../../db/generated/client";
import { logEvent } from "../../log";
import { ERASED_DELIVERY_ANSWER } from "../../outbox/events";
import { subscriptionTargets, type SubscriptionTarget } from "../../webhooks/targets";
import type { GroupMessage, Outcome } from "../message";
import { retryDelayMs, type Backoff } from "./backoff";
import { sendWebhookEvent, type MailSend } from "../channels";
import type { ChannelTarget, Rendered, WorkerDeps } from "./deps";
import { inParallel } from "./parallel";

export interface DeliverContext {
  db: Database;
  deps: Pick<
    WorkerDeps,
    "renderDeliveries" | "combineGroupMessages" | "mailSender" | "channelTargets" | "sendToChannel"
  >;
  now: Date;
  /** the lease the deliveries were claimed with: a result is written only while this claim holds */
  claimedUntil: Date;
  /** tries before a delivery is dead (the notification rules: read only when something is to be retried) */
  maxAttempts: () => Promise<number>;
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
  /** a webhook subscription's delivery gone dead, for whatever reason: flagged for admins */
  subscriptionDead?: boolean;
}

const ANSWER_LENGTH = 500;
/** Group chats whose robots take about 20 messages a minute: what is due together for one goes as one. */
const GROUP_MEDIA = new Set<string>(["WECOM", "DINGTALK", "FEISHU"]);
/** Messages combined into one at most: well within each vendor's length limit (企业微信: 4,096 bytes). */
const GROUP_BATCH = 8;
/** A sender is given sendTimeoutMs; this much more and the worker stops waiting for it. */
const TIMEOUT_GRACE_MS = 1_000;

/**
 * Renders and sends claimed deliveries, several at once, and writes every result back in one
 * statement. Nothing a renderer or sender does (throws, hangs) stops the batch: it becomes a retry.
 */
export async function deliver(deliveries: Delivery[], context: DeliverContext): Promise<void> {
  if (deliveries.length === 0) return;
  const { db, deps } = context;
  const rendered = await render(deliveries, context);
  const channelIds = [...new Set(deliveries.flatMap((delivery) => delivery.channelId ?? []))];
  const subscriptionIds = [...new Set(deliveries.flatMap((delivery) => delivery.subscriptionId ?? []))];
  let targets = new Map<string, ChannelTarget>();
  let subscriptions = new Map<string, SubscriptionTarget>();
  let targetsFailed: string | null = null;
  try {
    if (channelIds.length > 0) targets = await deps.channelTargets(db, channelIds);
    subscriptions = await subscriptionTargets(db, subscriptionIds);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    targetsFailed = `channel: ${errorText(error)}`;
  }
  const batch = { ...context, sendMail: deps.mailSender(db), subscriptions };
  const units = sendingUnits(deliveries, rendered);
  const unitOutcomes = await inParallel(units, context.concurrency, async ({ delivery, messages }) => {
    let message;
    try {
      message = messages.length > 1 ? await deps.combineGroupMessages(messages.filter(isGroup)) : messages[0];
    } catch (error) {
      return { status: "retry", answer: `render: ${errorText(error)}` } as const;
    }
    if ("failed" in message) return { status: "retry", answer: message.failed } as const;
    if ("skip" in message) return { status: "skip", answer: message.skip } as const;
    if (targetsFailed && message.medium !== "EMAIL") return { status: "retry", answer: targetsFailed } as const;
    return attempt(delivery, message, targets, batch);
  });
  const outcomes = new Map(
    units.flatMap((unit, index) => unit.deliveries.map((delivery) => [delivery.id, unitOutcomes[index]] as const)),
  );
  const limit = [...outcomes.values()].some((outcome) => outcome.status === "retry")
    ? await context.maxAttempts()
    : Infinity;
  await writeResults(
    deliveries.map((delivery) => judge(delivery, outcomes.get(delivery.id)!, limit, context)),
    context,
  );
}

function isGroup(message: Rendered | { failed: string }): message is GroupMessage {
  return "medium" in message && message.medium === "GROUP";
}

interface SendingUnit {
  /** the delivery whose id and channel the send uses */
  delivery: Delivery;
  deliveries: Delivery[];
  messages: (Rendered | { failed: string })[];
}

/**
 * What goes out as one send: each delivery alone, except group-chat messages for the same channel,
 * which go up to GROUP_BATCH at a time as one message and share its outcome.
 */
function sendingUnits(deliveries: Delivery[], rendered: Map<string, Rendered | { failed: string }>): SendingUnit[] {
  const units: SendingUnit[] = [];
  const open = new Map<string, SendingUnit>();
  for (const delivery of deliveries) {
    const message = rendered.get(delivery.id) ?? { skip: "nothing to send" };
    const joins = delivery.channelId !== null && GROUP_MEDIA.has(delivery.medium) && isGroup(message);
    const unit = joins ? open.get(delivery.channelId!) : undefined;
    if (unit && unit.messages.length < GROUP_BATCH) {
      unit.deliveries.push(delivery);
      unit.messages.push(message);
      continue;
    }
    const fresh = { delivery, deliveries: [delivery], messages: [message] };
    units.push(fresh);
    if (joins) open.set(delivery.channelId!, fresh);
  }
  return units;
}

/**
 * The batch's messages; when the renderer fails on the batch, each delivery is rendered alone, so
 * one that cannot be rendered is retried (and in the end given up) without holding up the others.
 */
async function render(
  deliveries: Delivery[],
  context: Pick<DeliverContext, "db" | "deps" | "now">,
): Promise<Map<string, Rendered | { failed: string }>> {
  const { db, deps, now } = context;
  try {
    return await deps.renderDeliveries(db, deliveries, now);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    if (deliveries.length === 1) {
      logEvent("notify.render_failed", { deliveryId: deliveries[0].id, error: errorText(error).slice(0, 300) });
      return new Map([[deliveries[0].id, { failed: `render: ${errorText(error)}` }]]);
    }
  }
  const each = new Map<string, Rendered | { failed: string }>();
  for (const delivery of deliveries)
    for (const [id, message] of await render([delivery], context)) each.set(id, message);
  return each;
}

async function attempt(
  delivery: Delivery,
  message: Exclude<Rendered, { skip: string }>,
  targets: Map<string, ChannelTarget>,
  {
    deps,
    sendTimeoutMs,
    sendMail,
    subscriptions,
  }: DeliverContext & { sendMail: MailSend; subscriptions: Map<string, SubscriptionTarget> },
): Promise<Outcome | { status: "skip"; answer: string }> {
  try {
    if (message.medium === "EMAIL") return await bounded(sendMail(message, { timeoutMs: sendTimeoutMs }));
    if (message.medium === "WEBHOOK_EVENT") {
      const subscription = delivery.subscriptionId ? subscriptions.get(delivery.subscriptionId) : undefined;
      if (!subscription) return { status: "skip", answer: "subscription inactive" };
      const options = { timeoutMs: sendTimeoutMs, deliveryId: delivery.id };
      return await bounded(sendWebhookEvent(subscription, message, options));
    }
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
  maxAttempts: number,
  { now, backoff }: DeliverContext,
): Result {
  const answer = outcome.answer.slice(0, ANSWER_LENGTH);
  const subscriptionDead = delivery.subscriptionId !== null;
  switch (outcome.status) {
    case "sent":
      return { delivery, status: "SENT", answer };
    case "skip":
      return { delivery, status: "SKIPPED", answer };
    case "dead":
      return { delivery, status: "DEAD", answer, channelDead: delivery.channelId !== null, subscriptionDead };
    case "retry":
      if (delivery.attempts >= maxAttempts) return { delivery, status: "DEAD", answer, subscriptionDead };
      return {
        delivery,
        status: "RETRYING",
        answer,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(delivery.attempts, backoff, outcome.retryAfterMs)),
      };
  }
}

/**
 * One statement for the whole batch: the results, a channel's refusal flagged for admins and a
 * flag cleared by a success. Fenced by the claim: a worker that overran its lease (another
 * instance has taken the row since) writes nothing over the newer attempt, nor flags for it.
 */
async function writeResults(results: Result[], { db, now, claimedUntil }: DeliverContext): Promise<void> {
  const [{ written }] = await db.$queryRaw<{ written: number }[]>`
    WITH r AS (
      SELECT * FROM unnest(
        ${results.map((result) => result.delivery.id)}::text[],
        ${results.map((result) => result.status)}::text[],
        ${results.map((result) => result.answer)}::text[],
        ${results.map((result) => result.nextAttemptAt?.toISOString() ?? null)}::text[],
        ${results.map((result) => result.channelDead === true)}::boolean[],
        ${results.map((result) => result.subscriptionDead === true)}::boolean[]
      ) AS r(id, status, answer, next, channel_dead, subscription_dead)
    ), written AS (
      UPDATE "Delivery" AS d
      -- A lead erased while its message was in flight: the answer (a mail server may quote the address) is not kept.
      SET "status" = r.status::"DeliveryStatus", "claimedUntil" = NULL, "updatedAt" = ${now},
          "answer" = CASE WHEN EXISTS (SELECT 1 FROM "Lead" l WHERE l."id" = d."leadId" AND l."erasedAt" IS NOT NULL)
                     THEN ${ERASED_DELIVERY_ANSWER} ELSE r.answer END,
          "nextAttemptAt" = COALESCE(r.next::timestamptz AT TIME ZONE 'UTC', d."nextAttemptAt"),
          "sentAt" = CASE WHEN r.status = 'SENT' THEN ${now} ELSE d."sentAt" END
      FROM r
      WHERE d."id" = r.id AND d."status" = 'SENDING' AND d."claimedUntil" = ${claimedUntil}
      RETURNING d."channelId", d."subscriptionId", r.status, r.answer, r.channel_dead, r.subscription_dead,
        d."answer" AS kept
    ), flagged AS (
      UPDATE "NotifyChannel" AS c SET "failure" = w.answer, "failedAt" = ${now}, "updatedAt" = ${now}
      FROM (SELECT DISTINCT ON ("channelId") "channelId", answer FROM written WHERE channel_dead) AS w
      WHERE c."id" = w."channelId"
    ), cleared AS (
      UPDATE "NotifyChannel" AS c SET "failure" = NULL, "failedAt" = NULL, "updatedAt" = ${now}
      WHERE c."failure" IS NOT NULL
        AND c."id" IN (SELECT "channelId" FROM written WHERE status = 'SENT')
        AND c."id" NOT IN (SELECT "channelId" FROM written WHERE channel_dead)
    ), subscription_flagged AS (
      -- The answer as kept (redacted when the lead was erased meanwhile): a receiver may quote what it got.
      UPDATE "WebhookSubscription" AS s SET "failure" = w.kept, "failedAt" = ${now}, "updatedAt" = ${now}
      FROM (SELECT DISTINCT ON ("subscriptionId") "subscriptionId", kept FROM written WHERE subscription_dead) AS w
      WHERE s."id" = w."subscriptionId"
    ), subscription_cleared AS (
      UPDATE "WebhookSubscription" AS s SET "failure" = NULL, "failedAt" = NULL, "updatedAt" = ${now}
      WHERE s."failure" IS NOT NULL
        AND s."id" IN (SELECT "subscriptionId" FROM written WHERE status = 'SENT')
        AND s."id" NOT IN (SELECT "subscriptionId" FROM written WHERE subscription_dead)
    )
    SELECT count(*)::int AS written FROM written`;
  if (written < results.length) logEvent("notify.deliveries_lease_lost", { lost: results.length - written });
  const dead = results.filter((result) => result.status === "DEAD");
  // One line per batch: a mail server that is not set up kills every receipt, and that is one fact.
  if (dead.length > 0)
    logEvent("notify.deliveries_dead", {
      count: dead.length,
      deliveries: dead.slice(0, 20).map(({ delivery }) => ({
        id: delivery.id,
        medium: delivery.medium,
        topic: delivery.topic,
        attempts: delivery.attempts,
      })),
    });
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, ANSWER_LENGTH);
}
