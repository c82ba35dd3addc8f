import type { WebhookEventMessage } from "../webhooks/payload";

/*
 * A rendered notification, ready for a channel (lib/notify/channels), and what the channel made of it.
 */

/** A message for a person's mailbox: a text part and an HTML part. */
export interface EmailMessage {
  medium: "EMAIL";
  to: string;
  subject: string;
  text: string;
  html: string;
  /** stable per delivery, so a resend after a crash is recognisable as the same mail */
  messageId: string;
}

/**
 * A message for a group chat (企业微信, 钉钉, 飞书): seen by many, so it carries no full phone, email
 * or WeChat ID — only what is needed to act, and a link.
 */
export interface GroupMessage {
  medium: "GROUP";
  /** one line: the card's or markdown's title */
  title: string;
  /** the body as lines of plain text (each channel formats them: markdown, a card…) */
  lines: string[];
  /** the button or link: the lead, or "claim it" */
  link?: { label: string; url: string };
}

/** The generic webhook's JSON body (signed by lib/notify/channels/webhook.ts). */
export interface WebhookMessage {
  medium: "WEBHOOK";
  /** the event's topic, e.g. "new_lead" */
  topic: string;
  /** the delivery's id: the same on every retry, so a receiver can drop a repeat */
  deliveryId: string;
  occurredAt: string;
  data: Record<string, unknown>;
  /** the same words a group robot would get, for receivers that relay to a chat */
  text: { title: string; lines: string[]; link?: { label: string; url: string } };
}

/** An outbound webhook subscription's event (lib/webhooks/payload.ts) is a message too. */
export type Message = EmailMessage | GroupMessage | WebhookMessage | WebhookEventMessage;

/** What one attempt came to. */
export type Outcome =
  /** accepted by the vendor or mail server */
  | { status: "sent"; answer: string }
  /** refused for now (rate limit, timeout, 5xx, network): try again, after `retryAfterMs` when the vendor says */
  | { status: "retry"; answer: string; retryAfterMs?: number }
  /** refused for good (a bad key, a bad address): dead, and the channel is flagged for admins */
  | { status: "dead"; answer: string };
