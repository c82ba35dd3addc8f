import "server-only";
import { assertRole } from "../auth/access";
import { SealBroken, unseal } from "../auth/seal";
import type { Viewer } from "../auth/session";
import type { Database } from "../db/client";
import { maskedText } from "../leads/mask";
import { notificationsOn } from "../outbox/events";
import { maskWebhookUrl } from "./url";

/** Deliveries shown per subscription: its latest. */
export const SUBSCRIPTION_LOG_SIZE = 20;

/** The URL as the page may show it (scheme, host, last four characters), or null when this server cannot open it. */
function shownUrl(sealed: string): string | null {
  try {
    return maskWebhookUrl(unseal(sealed));
  } catch (error) {
    if (error instanceof SealBroken) return null;
    throw error;
  }
}

/**
 * Everything the webhooks page shows, admins only: each subscription with its URL masked (never the
 * secret, which is shown once when made), its refusal when a delivery went dead, and its latest
 * deliveries with the receiver's answers, masked like the notification log's.
 */
export async function webhookSettings(db: Database, viewer: Viewer | null) {
  assertRole(viewer, ["ADMIN"], "read the outbound webhooks");
  const [subscriptions, parks] = await Promise.all([
    db.webhookSubscription.findMany({
      orderBy: [{ active: "desc" }, { createdAt: "asc" }],
      select: {
        id: true,
        name: true,
        urlSealed: true,
        events: true,
        parkId: true,
        park: { select: { name: true, nameEn: true } },
        active: true,
        failure: true,
        failedAt: true,
        createdAt: true,
      },
    }),
    db.park.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, nameEn: true } }),
  ]);
  const logs = await Promise.all(
    subscriptions.map((subscription) =>
      db.delivery.findMany({
        where: { subscriptionId: subscription.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: SUBSCRIPTION_LOG_SIZE,
        select: {
          id: true,
          createdAt: true,
          topic: true,
          status: true,
          attempts: true,
          nextAttemptAt: true,
          answer: true,
        },
      }),
    ),
  );
  return {
    notifyOn: notificationsOn(),
    parks,
    subscriptions: subscriptions.map(({ urlSealed, failure, ...subscription }, index) => ({
      ...subscription,
      url: shownUrl(urlSealed),
      // A receiver's refusal may quote what it was sent: shown masked.
      failure: failure && maskedText(failure),
      deliveries: logs[index].map(({ answer, nextAttemptAt, ...delivery }) => ({
        ...delivery,
        // The next try only means something while one is still to come.
        nextAttemptAt: delivery.status === "PENDING" || delivery.status === "RETRYING" ? nextAttemptAt : null,
        answer: answer === null ? null : maskedText(answer),
      })),
    })),
  };
}
export type WebhookSettings = Awaited<ReturnType<typeof webhookSettings>>;
export type SubscriptionRow = WebhookSettings["subscriptions"][number];
