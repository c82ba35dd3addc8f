import "server-only";
import { createHmac } from "node:crypto";
import type { GroupMessage, Outcome } from "../message";
import { postToRobot } from "./http";

/*
 * 钉钉 custom robot (open.dingtalk.com/document/robots/custom-robot-access): markdown, or an
 * actionCard whose button opens the link. With 加签 the URL also carries `timestamp` (ms) and
 * `sign` = base64(HMAC-SHA256(key = secret, timestamp + "\n" + secret)), URL-encoded.
 * Answers { errcode, errmsg }.
 */

/** 130101 (older) and 410100: "send too fast, exceed 20 times per minute"; the robot is then held for 10 minutes. */
const RATE_LIMITED = new Set([130101, 410100]);
const BUSY = -1;
const THROTTLE_MS = 10 * 60_000;

export function dingtalkSign(secret: string, timestamp: string): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
}

export function dingtalkUrl(url: string, secret: string | null, now = new Date()): string {
  if (!secret) return url;
  const signed = new URL(url);
  const timestamp = String(now.getTime());
  signed.searchParams.set("timestamp", timestamp);
  signed.searchParams.set("sign", dingtalkSign(secret, timestamp));
  return signed.toString();
}

export function dingtalkPayload(message: GroupMessage) {
  // DingTalk's markdown breaks lines only at a blank line.
  const text = [`### ${message.title}`, ...message.lines].join("\n\n");
  if (!message.link) return { msgtype: "markdown", markdown: { title: message.title, text } };
  return {
    msgtype: "actionCard",
    actionCard: { title: message.title, text, singleTitle: message.link.label, singleURL: message.link.url },
  };
}

/**
 * errcode 0 is sent; the rate limit is retried after the documented 10-minute hold, "busy" soon;
 * 300001 (no such token), 310000 (keyword, signature, timestamp or IP refused), 400013 (group
 * dissolved) and every other code fail the same way again: dead.
 */
export function judgeDingtalk(json: Record<string, unknown>, answer: string): Outcome | undefined {
  if (typeof json.errcode !== "number") return undefined;
  if (json.errcode === 0) return { status: "sent", answer };
  if (RATE_LIMITED.has(json.errcode)) return { status: "retry", answer, retryAfterMs: THROTTLE_MS };
  if (json.errcode === BUSY) return { status: "retry", answer };
  return { status: "dead", answer };
}

export function sendDingtalk(
  target: { url: string; secret: string | null },
  message: GroupMessage,
  timeoutMs: number,
): Promise<Outcome> {
  return postToRobot(dingtalkUrl(target.url, target.secret), dingtalkPayload(message), timeoutMs, judgeDingtalk);
}
