import "server-only";
import { z } from "zod";
import {
  inquiryResource,
  inquiryResourceSchema,
  inquiryResourceSelect,
  leadResource,
  leadResourceSchema,
  leadResourceSelect,
  stageRefSchema,
} from "../api/v1/resources";
import type { Database } from "../db/client";
import type { Delivery } from "../db/generated/client";
import { isWebhookType, PING, WEBHOOK_EVENTS, type WebhookType } from "./events";

/*
 * What a subscription receives, rendered when it is sent (like every notification): the lead as it is
 * then, in the API's own resources (lib/api/v1/resources.ts), so a receiver parses webhooks and API
 * answers alike. An erased lead's event, whenever it is rendered, carries its id and erasure time only.
 */

const erasedLeadSchema = z
  .strictObject({ id: z.string(), erasedAt: z.iso.datetime() })
  .meta({ description: "已删除个人信息的线索：只有 id 和删除时间 / An erased lead: its id and erasure time only" });

export const webhookPayloadSchema = z.strictObject({
  /** the delivery's id: the same on every retry (X-Parklead-Delivery) */
  id: z.string(),
  type: z.enum([...WEBHOOK_EVENTS, PING]),
  /** when the event happened */
  createdAt: z.iso.datetime(),
  data: z.strictObject({
    lead: z.union([leadResourceSchema, erasedLeadSchema]).optional(),
    /** the inquiry that started or joined the lead (lead.created, inquiry.created) */
    inquiry: inquiryResourceSchema.optional(),
    /** the stages of a move (lead.stage_changed, lead.signed) */
    from: stageRefSchema.optional(),
    to: stageRefSchema.optional(),
    /** ping: the subscription tested */
    subscriptionId: z.string().optional(),
  }),
});
export type WebhookPayload = z.output<typeof webhookPayloadSchema>;

/** A subscription's delivery, ready to sign and post (lib/notify/channels/webhook.ts). */
export interface WebhookEventMessage {
  medium: "WEBHOOK_EVENT";
  type: WebhookType;
  /** the JSON body exactly as it is signed and sent */
  body: string;
}

type Rendered = WebhookEventMessage | { skip: string };
type Stage = z.output<typeof stageRefSchema>;

const INQUIRY_TYPES = new Set<string>(["lead.created", "inquiry.created"]);
const STAGE_TYPES = new Set<string>(["lead.stage_changed", "lead.signed"]);

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/** Renders a batch of subscription deliveries, reading their events, leads, inquiries and stages once each. */
export async function renderWebhookEvents(db: Database, deliveries: Delivery[]): Promise<Map<string, Rendered>> {
  const events = new Map(
    (
      await db.outboxEvent.findMany({
        where: { id: { in: [...new Set(deliveries.map((delivery) => delivery.eventId))] } },
        select: { id: true, data: true, createdAt: true, inquiryId: true },
      })
    ).map((event) => [event.id, event]),
  );
  const dataOf = (eventId: string) => {
    const data = events.get(eventId)?.data;
    return data && typeof data === "object" && !Array.isArray(data) ? data : {};
  };
  const leadIds = [...new Set(deliveries.flatMap((delivery) => delivery.leadId ?? []))];
  const inquiryIds = [
    ...new Set(
      deliveries.flatMap((delivery) =>
        INQUIRY_TYPES.has(delivery.topic) ? (events.get(delivery.eventId)?.inquiryId ?? []) : [],
      ),
    ),
  ];
  const stageKeys = [
    ...new Set(
      deliveries.flatMap((delivery) => {
        if (!STAGE_TYPES.has(delivery.topic)) return [];
        const data = dataOf(delivery.eventId);
        return [text(data.from), text(data.to)].filter((key): key is string => key !== undefined);
      }),
    ),
  ];
  const [leads, inquiries, stages] = await Promise.all([
    leadIds.length ? db.lead.findMany({ where: { id: { in: leadIds } }, select: leadResourceSelect }) : [],
    inquiryIds.length ? db.inquiry.findMany({ where: { id: { in: inquiryIds } }, select: inquiryResourceSelect }) : [],
    stageKeys.length
      ? db.stage.findMany({
          where: { key: { in: stageKeys } },
          select: { key: true, name: true, nameEn: true, category: true },
        })
      : [],
  ]);
  const leadById = new Map(leads.map((lead) => [lead.id, lead]));
  const inquiryById = new Map(inquiries.map((inquiry) => [inquiry.id, inquiry]));
  const stageByKey = new Map<string, Stage>(stages.map((stage) => [stage.key, stage]));

  const result = new Map<string, Rendered>();
  for (const delivery of deliveries) {
    const event = events.get(delivery.eventId);
    const type = delivery.topic;
    if (!event || !isWebhookType(type)) {
      result.set(delivery.id, { skip: `not a webhook event: ${type}` });
      continue;
    }
    let data: WebhookPayload["data"];
    if (type === PING) data = { subscriptionId: delivery.subscriptionId ?? undefined };
    else {
      const lead = delivery.leadId ? leadById.get(delivery.leadId) : undefined;
      if (!lead) {
        result.set(delivery.id, { skip: "the lead no longer exists" });
        continue;
      }
      const eventData = dataOf(delivery.eventId);
      const stage = (key: string | undefined) => (key === undefined ? undefined : stageByKey.get(key));
      const moved = STAGE_TYPES.has(type) ? { from: stage(text(eventData.from)), to: stage(text(eventData.to)) } : {};
      const inquiry = event.inquiryId && INQUIRY_TYPES.has(type) ? inquiryById.get(event.inquiryId) : undefined;
      data = lead.erasedAt
        ? { lead: { id: lead.id, erasedAt: lead.erasedAt.toISOString() }, ...moved }
        : { lead: leadResource(lead), ...(inquiry ? { inquiry: inquiryResource(inquiry) } : {}), ...moved };
    }
    const payload: WebhookPayload = { id: delivery.id, type, createdAt: event.createdAt.toISOString(), data };
    result.set(delivery.id, { medium: "WEBHOOK_EVENT", type, body: JSON.stringify(payload) });
  }
  return result;
}
