import "server-only";
import type { GroupMessage, Outcome } from "../message";
import { postToRobot } from "./http";

/*
 * 企业微信 group robot (developer.work.weixin.qq.com/document/path/91770): POST { msgtype: "markdown" }
 * to the URL with its key; no signing (the key in the URL is the credential). Answers { errcode, errmsg }.
 */

/** 45009: the robot's limit (20 messages a minute) was passed. */
const RATE_LIMITED = 45009;
/** -1: the vendor's "system busy, try again". */
const BUSY = -1;
const MINUTE = 60_000;

export function wecomPayload(message: GroupMessage) {
  const link = message.link ? [`[${message.link.label}](${message.link.url})`] : [];
  return { msgtype: "markdown", markdown: { content: [`**${message.title}**`, ...message.lines, ...link].join("\n") } };
}

/**
 * errcode 0 is sent; the rate limit and "busy" are retried; every other code (93000 invalid webhook
 * URL, 93004 robot disabled, 40058 bad content…) will fail the same way again: dead.
 */
export function judgeWecom(json: Record<string, unknown>, answer: string): Outcome | undefined {
  if (typeof json.errcode !== "number") return undefined;
  if (json.errcode === 0) return { status: "sent", answer };
  if (json.errcode === RATE_LIMITED) return { status: "retry", answer, retryAfterMs: MINUTE };
  if (json.errcode === BUSY) return { status: "retry", answer };
  return { status: "dead", answer };
}

export function sendWecom(url: string, message: GroupMessage, timeoutMs: number): Promise<Outcome> {
  return postToRobot(url, wecomPayload(message), timeoutMs, judgeWecom);
}
