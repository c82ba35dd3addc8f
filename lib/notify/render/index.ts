import "server-only";
import type { Database } from "../../db/client";
import type { Delivery } from "../../db/generated/client";
import { renderWebhookEvents } from "../../webhooks/payload";
import type { Message } from "../message";
import type { Topic } from "../topics";
import { renderDigests } from "./digest";
import { renderHoldMessages } from "./holds";
import { renderLeadMessages } from "./lead";
import { renderPrivacyRequests } from "./privacy-request";
import { renderProjectMessages } from "./projects";
import { renderReceipts } from "./receipt";
import { renderTasksDue } from "./tasks";
import { renderTests } from "./test-message";

export { combineGroupMessages } from "./combine";

/*
 * Deliveries become messages when their turn comes, not when they are planned: what they say is
 * read then (a lead assigned meanwhile names its owner; one erased meanwhile is skipped). Each
 * topic's renderer takes all of a batch's deliveries of that topic and reads what they need together.
 */

type Rendered = Message | { skip: string };
type Renderer = (db: Database, deliveries: Delivery[], now: Date) => Promise<Map<string, Rendered>>;

const RENDERERS: Record<Topic, Renderer> = {
  new_lead: renderLeadMessages,
  further_inquiry: renderLeadMessages,
  response_reminder: renderLeadMessages,
  response_overdue: renderLeadMessages,
  reassigned: renderLeadMessages,
  tasks_due: renderTasksDue,
  digest: renderDigests,
  test: renderTests,
  receipt: renderReceipts,
  privacy_request: renderPrivacyRequests,
  holds: renderHoldMessages,
  projects: renderProjectMessages,
  supervision: renderProjectMessages,
};

export async function renderDeliveries(
  db: Database,
  deliveries: Delivery[],
  now: Date,
): Promise<Map<string, Rendered>> {
  const byRenderer = new Map<Renderer, Delivery[]>();
  const result = new Map<string, Rendered>();
  for (const delivery of deliveries) {
    // An outbound webhook subscription's delivery is an event in the API's resources, whatever it announces.
    if (delivery.subscriptionId !== null) {
      byRenderer.set(renderWebhookEvents, [...(byRenderer.get(renderWebhookEvents) ?? []), delivery]);
      continue;
    }
    const renderer = RENDERERS[delivery.topic as Topic] as Renderer | undefined;
    if (!renderer) {
      result.set(delivery.id, { skip: `unknown topic ${delivery.topic}` });
      continue;
    }
    byRenderer.set(renderer, [...(byRenderer.get(renderer) ?? []), delivery]);
  }
  const rendered = await Promise.all([...byRenderer].map(([renderer, batch]) => renderer(db, batch, now)));
  for (const map of rendered) for (const [id, message] of map) result.set(id, message);
  return result;
}
