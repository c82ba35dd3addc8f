import "server-only";
import { createHmac } from "node:crypto";
import type { SubscriptionTarget } from "../../webhooks/targets";
import type { WebhookEventMessage } from "../../webhooks/payload";
import { webhookUrl } from "../../webhooks/url";
import type { Outcome, WebhookMessage } from "../message";
import { isOutcome, outcomeOfStatus, postJson, trimmed } from "./http";

/*
 * The generic webhook (documented in the README for receivers): the WebhookMessage as JSON,
 * signed with HMAC-SHA256 over "<timestamp>.<body>" when the channel has a secret. Outbound webhook
 * subscriptions (lib/webhooks) post their events the same way, signed with the subscription's secret.
 */

export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

type SendOptions = { timeoutMs: number; deliveryId: string; now?: Date };

export function sendWebhook(
  target: { url: string; secret: string | null },
  message: WebhookMessage,
  options: SendOptions,
): Promise<Outcome> {
  return postSigned(target, JSON.stringify(message), { "x-parklead-topic": message.topic }, options);
}

/** A subscription's event: its payload as the body, its type in X-Parklead-Event. */
export async function sendWebhookEvent(
  target: SubscriptionTarget,
  message: WebhookEventMessage,
  options: SendOptions,
): Promise<Outcome> {
  if (target.problem) return { status: "dead", answer: target.problem };
  // The form's rule, checked again whatever wrote the row: a payload holds contacts, so never plain http outside.
  if (!webhookUrl(target.url))
    return { status: "dead", answer: "the subscription's URL is not an allowed https address" };
  return postSigned(target, message.body, { "x-parklead-event": message.type }, options);
}

async function postSigned(
  target: { url: string; secret: string | null },
  body: string,
  about: Record<string, string>,
  options: SendOptions,
): Promise<Outcome> {
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000));
  const headers: Record<string, string> = {
    "x-parklead-timestamp": timestamp,
    "x-parklead-delivery": options.deliveryId,
    ...about,
  };
  if (target.secret) headers["x-parklead-signature"] = webhookSignature(target.secret, timestamp, body);
  const answer = await postJson(target.url, body, headers, options.timeoutMs);
  if (isOutcome(answer)) return answer;
  const byStatus = outcomeOfStatus(answer);
  if (byStatus) return byStatus;
  const said = `HTTP ${answer.status}${answer.text ? `: ${trimmed(answer.text)}` : ""}`;
  if (answer.status >= 200 && answer.status < 300) return { status: "sent", answer: said };
  // 410 Gone is the receiver saying "stop"; any other 4xx will not change by sending the same again.
  return { status: "dead", answer: said };
}
