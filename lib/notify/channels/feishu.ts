import "server-only";
import { createHmac } from "node:crypto";
import type { GroupMessage, Outcome } from "../message";
import { postToRobot } from "./http";

/*
 * 飞书 / Lark custom bot (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot): an
 * interactive card. With 签名校验 the body also carries `timestamp` (seconds, within an hour of
 * the vendor's clock) and `sign` = base64(HMAC-SHA256(key = timestamp + "\n" + secret, empty message)).
 * Answers { code, msg } (older answers also StatusCode/StatusMessage).
 */

/** 11232: frequency limited (100 a minute, 5 a second per bot, tighter at busy hours). */
const RATE_LIMITED = 11232;
const MINUTE = 60_000;

export function feishuSign(secret: string, timestamp: string): string {
  return createHmac("sha256", `${timestamp}\n${secret}`).update("").digest("base64");
}

export function feishuPayload(message: GroupMessage, secret: string | null, now = new Date()) {
  const elements: unknown[] = [{ tag: "div", text: { tag: "lark_md", content: message.lines.join("\n") } }];
  if (message.link) {
    elements.push({
      tag: "action",
      actions: [
        {
          tag: "button",
          type: "primary",
          text: { tag: "plain_text", content: message.link.label },
          url: message.link.url,
        },
      ],
    });
  }
  const card = {
    msg_type: "interactive",
    card: { header: { title: { tag: "plain_text", content: message.title } }, elements },
  };
  if (!secret) return card;
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { timestamp, sign: feishuSign(secret, timestamp), ...card };
}

/**
 * code 0 is sent; 11232 is retried; 19021 (signature or timestamp), 19022 (IP), 19024 (keyword),
 * 19001 (bad token) and every other code fail the same way again: dead.
 */
export function judgeFeishu(json: Record<string, unknown>, answer: string): Outcome | undefined {
  const code = typeof json.code === "number" ? json.code : json.StatusCode;
  if (typeof code !== "number") return undefined;
  if (code === 0) return { status: "sent", answer };
  if (code === RATE_LIMITED) return { status: "retry", answer, retryAfterMs: MINUTE };
  return { status: "dead", answer };
}

export function sendFeishu(
  target: { url: string; secret: string | null },
  message: GroupMessage,
  timeoutMs: number,
): Promise<Outcome> {
  return postToRobot(target.url, feishuPayload(message, target.secret), timeoutMs, judgeFeishu);
}
