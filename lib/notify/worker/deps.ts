import type { Database } from "../../db/client";
import type { Delivery, OutboxEvent, Prisma } from "../../db/generated/client";
import type { GroupMessage, Message, Outcome, WebhookMessage } from "../message";
import type { ChannelTarget, MailSend } from "../channels";
import type { Plan } from "../plan";

/*
 * What the worker needs from the rest of lib/notify: the planner and renderer (lib/notify/plan,
 * render, schedule) and the senders (lib/notify/channels). Handed in, so a test can run the worker's
 * claiming, retries and leases against a fake vendor; the app passes the real ones (defaults.ts).
 */

export type { ChannelTarget, Plan };
export type PlannedDelivery = Plan["deliveries"][number];

export type Rendered = Message | { skip: string };

export interface WorkerDeps {
  planEvents(tx: Prisma.TransactionClient, events: OutboxEvent[], now: Date): Promise<Plan>;
  renderDeliveries(db: Database, deliveries: Delivery[], now: Date): Promise<Map<string, Rendered>>;
  /** several messages for one group chat as one (lib/notify/render/combine.ts) */
  combineGroupMessages(messages: GroupMessage[]): Promise<GroupMessage>;
  scheduleDailyEvents(db: Database, now: Date): Promise<void>;
  /** a sender for one batch's mails (lib/notify/channels/email.ts): the mail server is looked up once */
  mailSender(db: Database): MailSend;
  channelTargets(db: Database, ids: string[]): Promise<Map<string, ChannelTarget>>;
  sendToChannel(
    target: ChannelTarget,
    message: GroupMessage | WebhookMessage,
    options: { timeoutMs: number; deliveryId: string },
  ): Promise<Outcome>;
}
