import type { Database } from "@/lib/db/client";
import type { Delivery, OutboxEvent } from "@/lib/db/generated/client";
import type { Outcome, WebhookMessage } from "@/lib/notify/message";
import type { ChannelTarget, Plan, Rendered, WorkerDeps } from "@/lib/notify/worker/deps";

/*
 * The worker's collaborators as a test wants them: every event planned as one webhook delivery to
 * `channelId`, rendered as a WebhookMessage; sends answered by `answer` (a fake vendor) unless the
 * test hands in the real sender.
 */

export function plannedToChannel(channelId: string) {
  return async (_tx: unknown, events: OutboxEvent[]): Promise<Plan> => ({
    deliveries: events.map((event) => ({
      eventId: event.id,
      topic: "new_lead" as const,
      medium: "WEBHOOK" as const,
      channelId,
      leadId: event.leadId,
    })),
    events: [],
    failed: [],
  });
}

export function webhookMessage(delivery: Delivery): WebhookMessage {
  return {
    medium: "WEBHOOK",
    topic: delivery.topic,
    deliveryId: delivery.id,
    occurredAt: delivery.createdAt.toISOString(),
    data: { eventId: delivery.eventId },
    text: { title: "新线索", lines: [`event ${delivery.eventId}`] },
  };
}

export async function renderAsWebhooks(_db: Database, deliveries: Delivery[]): Promise<Map<string, Rendered>> {
  return new Map(deliveries.map((delivery) => [delivery.id, webhookMessage(delivery)]));
}

export interface FakeVendor {
  /** every attempt, in order: the delivery and the message it carried */
  attempts: { deliveryId: string; message: unknown }[];
}

export function fakeDeps(
  channelId: string,
  answer: (deliveryId: string, attempt: number) => Promise<Outcome> | Outcome,
  overrides: Partial<WorkerDeps> = {},
): WorkerDeps & FakeVendor {
  const attempts: FakeVendor["attempts"] = [];
  const counts = new Map<string, number>();
  return {
    attempts,
    planEvents: plannedToChannel(channelId),
    renderDeliveries: renderAsWebhooks,
    combineGroupMessages: async (messages) => ({
      medium: "GROUP",
      title: `${messages.length} messages`,
      lines: messages.flatMap((message) => [message.title, ...message.lines]),
    }),
    scheduleDailyEvents: async () => {},
    mailSender: () => async () => ({ status: "sent", answer: "250 OK" }),
    channelTargets: async (_db, ids) =>
      new Map<string, ChannelTarget>(
        ids.map((id) => [id, { id, kind: "WEBHOOK", url: "http://127.0.0.1:9/hook", secret: null }]),
      ),
    sendToChannel: async (_target, message, { deliveryId }) => {
      attempts.push({ deliveryId, message });
      const attempt = (counts.get(deliveryId) ?? 0) + 1;
      counts.set(deliveryId, attempt);
      return answer(deliveryId, attempt);
    },
    ...overrides,
  };
}
