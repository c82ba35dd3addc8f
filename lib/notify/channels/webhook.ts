import "server-only";
import { createHmac } from "node:crypto";
import type { Outcome, WebhookMessage } from "../message";
import { isOutcome, outcomeOfStatus, postJson, trimmed } from "./http";

/*
 * The generic webhook (documented in the README for receivers): the WebhookMessage as JSON,
 * signed with HMAC-SHA256 over "<timestamp>.<body>" when the channel has a secret.
 */

export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export async function sendWebhook(
  target: { url: string; secret: string | null },
  message: WebhookMessage,
  options: { timeoutMs: number; deliveryId: string; now?: Date },
): Promise<Outcome> {
  const body = JSON.stringify(message);
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000));
  const headers: Record<string, string> = {
    "x-parklead-timestamp": timestamp,
    "x-parklead-delivery": options.deliveryId,
    "x-parklead-topic": message.topic,
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
