import "server-only";
import { randomBytes } from "node:crypto";
import { assertRole } from "../auth/access";
import { seal, SealBroken, unseal } from "../auth/seal";
import type { Viewer } from "../auth/session";
import { recordAudit } from "../audit/record";
import type { Database } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { fieldErrorsOf, type FieldErrors } from "../forms/field-errors";
import { notificationsOn, recordEvents } from "../outbox/events";
import { wakeWorker } from "../outbox/wake";
import { subscriptionActiveSchema, subscriptionIdSchema, subscriptionSchema } from "./schema";

/*
 * The admin's outbound webhook subscriptions. The URL and the signing secret are sealed under the server
 * secret before they are stored; the secret is made here and shown once (on creation, and when rolled),
 * like a key. The audit log says that a URL was replaced or a secret rolled, never what it is.
 */

export type WebhookResult<T = object> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors };
type Tx = Prisma.TransactionClient;

const refused = (field: string, key: string) => ({ ok: false as const, fieldErrors: { [field]: key } });

/** 32 random bytes: what a receiver keys its HMAC with. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** The subscription to change, locked until the transaction ends. */
async function lockedSubscription(tx: Tx, subscriptionId: string) {
  await tx.$queryRaw`SELECT "id" FROM "WebhookSubscription" WHERE "id" = ${subscriptionId} FOR UPDATE`;
  return tx.webhookSubscription.findUnique({ where: { id: subscriptionId } });
}

function opens(sealed: string): boolean {
  try {
    unseal(sealed);
    return true;
  } catch (error) {
    if (error instanceof SealBroken) return false;
    throw error;
  }
}

/** Adds a subscription (no subscriptionId: its secret comes back, once) or changes one; a blank URL keeps the old. */
export async function saveSubscription(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<WebhookResult<{ id: string; changed: boolean; secret?: string }>> {
  assertRole(viewer, ["ADMIN"], "configure outbound webhooks");
  const parsed = subscriptionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { subscriptionId, name, url, events } = parsed.data;
  const parkId = parsed.data.parkId ?? null;
  return db.$transaction(async (tx) => {
    if (parkId && !(await tx.park.findUnique({ where: { id: parkId }, select: { id: true } })))
      return refused("parkId", "notFound");
    if (!subscriptionId) {
      const secret = newSigningSecret();
      const created = await tx.webhookSubscription.create({
        data: { name, urlSealed: seal(url!), secretSealed: seal(secret), events, parkId, createdById: viewer.id },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "webhook.create",
        entityType: "WebhookSubscription",
        entityId: created.id,
        details: { subscription: name, events, ...(parkId ? { parkId } : {}) },
      });
      return { ok: true as const, id: created.id, changed: true, secret };
    }
    const subscription = await lockedSubscription(tx, subscriptionId);
    if (!subscription) return refused("subscriptionId", "notFound");
    // A URL sealed under a server secret that has since changed cannot be posted to: it has to be typed again.
    if (!url && !opens(subscription.urlSealed)) return refused("url", "sealBroken");
    const changes = {
      ...(name !== subscription.name ? { name: [subscription.name, name] } : {}),
      ...(events.join() !== subscription.events.join() ? { events: [subscription.events, events] } : {}),
      ...(parkId !== subscription.parkId ? { parkId: [subscription.parkId, parkId] } : {}),
      ...(url ? { url: "replaced" } : {}),
    };
    if (Object.keys(changes).length === 0) return { ok: true as const, id: subscription.id, changed: false };
    await tx.webhookSubscription.update({
      where: { id: subscription.id },
      // A new address is a new chance: the old address's refusal no longer says anything.
      data: { name, events, parkId, ...(url ? { urlSealed: seal(url), failure: null, failedAt: null } : {}) },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "webhook.update",
      entityType: "WebhookSubscription",
      entityId: subscription.id,
      details: { subscription: name, ...changes },
    });
    return { ok: true as const, id: subscription.id, changed: true };
  });
}

/** A new signing secret, shown once; the old one stops working at once (deliveries already signed keep theirs). */
export async function rollSubscriptionSecret(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<WebhookResult<{ secret: string }>> {
  assertRole(viewer, ["ADMIN"], "configure outbound webhooks");
  const parsed = subscriptionIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { subscriptionId } = parsed.data;
  return db.$transaction(async (tx) => {
    const subscription = await lockedSubscription(tx, subscriptionId);
    if (!subscription) return refused("subscriptionId", "notFound");
    const secret = newSigningSecret();
    await tx.webhookSubscription.update({ where: { id: subscriptionId }, data: { secretSealed: seal(secret) } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "webhook.roll_secret",
      entityType: "WebhookSubscription",
      entityId: subscriptionId,
      details: { subscription: subscription.name },
    });
    return { ok: true as const, secret };
  });
}

/** Deactivates or reactivates a subscription: never deleted once the delivery log names it. */
export async function setSubscriptionActive(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<WebhookResult> {
  assertRole(viewer, ["ADMIN"], "configure outbound webhooks");
  const parsed = subscriptionActiveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { subscriptionId, active } = parsed.data;
  return db.$transaction(async (tx) => {
    const subscription = await lockedSubscription(tx, subscriptionId);
    if (!subscription) return refused("subscriptionId", "notFound");
    if (subscription.active === active) return { ok: true as const };
    await tx.webhookSubscription.update({ where: { id: subscriptionId }, data: { active } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: active ? "webhook.activate" : "webhook.deactivate",
      entityType: "WebhookSubscription",
      entityId: subscriptionId,
      details: { subscription: subscription.name },
    });
    return { ok: true as const };
  });
}

/**
 * A ping to the subscription through the outbox, so it travels exactly as an event does (signed, retried,
 * in the delivery log with the receiver's answer). The worker is woken, so the answer shows within seconds.
 */
export async function sendSubscriptionPing(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<WebhookResult> {
  assertRole(viewer, ["ADMIN"], "test outbound webhooks");
  const parsed = subscriptionIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { subscriptionId } = parsed.data;
  if (!notificationsOn()) return { ok: false, fieldErrors: { form: "notifyOff" } };
  const result = await db.$transaction(async (tx) => {
    const subscription = await tx.webhookSubscription.findUnique({
      where: { id: subscriptionId },
      select: { name: true, active: true },
    });
    if (!subscription) return refused("subscriptionId", "notFound");
    if (!subscription.active) return refused("subscriptionId", "subscriptionInactive");
    await recordEvents(tx, [{ kind: "webhook.test", actorId: viewer.id, data: { subscriptionId } }]);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "webhook.test",
      entityType: "WebhookSubscription",
      entityId: subscriptionId,
      details: { subscription: subscription.name },
    });
    return { ok: true as const };
  });
  if (result.ok) wakeWorker();
  return result;
}
