import type { Database } from "../../db/client";
import type { ChannelKind, Delivery, DeliveryMedium, OutboxEvent, Prisma } from "../../db/generated/client";
import type { OutboxEventInput } from "../../outbox/events";
import type { EmailMessage, GroupMessage, Message, Outcome, WebhookMessage } from "../message";
import type { Topic } from "../topics";

/*
 * What the worker needs from the rest of lib/notify: the planner and renderer (lib/notify/plan,
 * render, schedule) and the senders (lib/notify/channels). Handed in, so a test can run the worker's
 * claiming, retries and leases against a fake vendor; the app passes the real ones (defaults.ts).
 */

export interface PlannedDelivery {
  eventId: string;
  topic: Topic;
  medium: DeliveryMedium;
  channelId?: string | null;
  userId?: string | null;
  inquiryId?: string | null;
  leadId?: string | null;
}

export interface Plan {
  deliveries: PlannedDelivery[];
  /** follow-up events (a reminder, an escalation), recorded in the same transaction */
  events: OutboxEventInput[];
  /** events the planner could not plan now: retried with backoff, the others go ahead */
  failed: { eventId: string; error: string }[];
}

export interface ChannelTarget {
  id: string;
  kind: ChannelKind;
  url: string;
  secret: string | null;
}

export type Rendered = Message | { skip: string };

export interface WorkerDeps {
  planEvents(tx: Prisma.TransactionClient, events: OutboxEvent[], now: Date): Promise<Plan>;
  renderDeliveries(db: Database, deliveries: Delivery[], now: Date): Promise<Map<string, Rendered>>;
  scheduleDailyEvents(db: Database, now: Date): Promise<void>;
  sendMail(db: Database, message: EmailMessage, options: { timeoutMs: number }): Promise<Outcome>;
  channelTargets(db: Database, ids: string[]): Promise<Map<string, ChannelTarget>>;
  sendToChannel(
    target: ChannelTarget,
    message: GroupMessage | WebhookMessage,
    options: { timeoutMs: number; deliveryId: string },
  ): Promise<Outcome>;
}
