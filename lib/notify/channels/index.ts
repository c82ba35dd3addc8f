import "server-only";
import type { ChannelKind, Prisma } from "../../db/generated/client";
import { SealBroken, seal, unseal } from "../../auth/seal";
import type { GroupMessage, Outcome, WebhookMessage } from "../message";
import { sendDingtalk } from "./dingtalk";
import { sendFeishu } from "./feishu";
import { carriesFullMobile } from "./guard";
import { kindFromUrl } from "./kind";
import { sendWebhook } from "./webhook";

export { sendWebhookEvent } from "./webhook";
import { sendWecom } from "./wecom";

/*
 * Where notifications leave Parklead: group robots (企业微信, 钉钉, 飞书), the generic webhook, and
 * email. Each send is one attempt that comes back as an Outcome; retrying and giving up are the
 * worker's (lib/notify/worker).
 */

export { mailServer, mailSender, sendMail, closeMailTransport, type MailSend } from "./email";
export { syncEnvChannel, ENV_CHANNEL_ID } from "./env-channel";
export { kindFromUrl } from "./kind";

export interface ChannelTarget {
  id: string;
  kind: ChannelKind;
  url: string;
  secret: string | null;
  /** why the channel cannot be used as stored (sealed under another server secret): every send is dead */
  problem?: string;
}

/** The columns a channel stores for a URL and an optional signing secret: the kind, and both sealed. */
export function sealChannel(url: string, secret: string | null) {
  return { kind: kindFromUrl(url), urlSealed: seal(url), secretSealed: secret ? seal(secret) : null };
}

export const SEAL_BROKEN_ANSWER =
  "the channel's URL or secret was sealed under another server secret (NEXTAUTH_SECRET changed?): enter it again";

type ChannelReader = Pick<Prisma.TransactionClient, "notifyChannel">;

/** The channels with these ids, unsealed for sending (inactive ones too: the caller decides). */
export async function channelTargets(db: ChannelReader, ids: string[]): Promise<Map<string, ChannelTarget>> {
  const rows = await db.notifyChannel.findMany({
    // A channel deactivated after a message to it was queued gets no more: the worker skips that message.
    where: { id: { in: ids }, active: true },
    select: { id: true, kind: true, urlSealed: true, secretSealed: true },
  });
  return new Map(rows.map((row) => [row.id, unsealed(row)]));
}

function unsealed(row: { id: string; kind: ChannelKind; urlSealed: string; secretSealed: string | null }) {
  try {
    const secret = row.secretSealed === null ? null : unseal(row.secretSealed);
    return { id: row.id, kind: row.kind, url: unseal(row.urlSealed), secret };
  } catch (error) {
    if (!(error instanceof SealBroken)) throw error;
    return { id: row.id, kind: row.kind, url: "", secret: null, problem: SEAL_BROKEN_ANSWER };
  }
}

export const REFUSED_PHONE = "refused: a full phone number";

/**
 * One attempt to deliver to a group robot or webhook. A group channel takes a GroupMessage and a
 * webhook a WebhookMessage (the renderer picks by medium); a mismatch is a programming error.
 */
export async function sendToChannel(
  target: ChannelTarget,
  message: GroupMessage | WebhookMessage,
  options: { timeoutMs: number; deliveryId: string },
): Promise<Outcome> {
  if (target.problem) return { status: "dead", answer: target.problem };
  if ((message.medium === "WEBHOOK") !== (target.kind === "WEBHOOK")) {
    throw new Error(`a ${message.medium} message cannot go to a ${target.kind} channel`);
  }
  if (!URL.canParse(target.url) || !/^https?:$/.test(new URL(target.url).protocol)) {
    return { status: "dead", answer: "the channel's URL is not an http(s) address" };
  }
  if (carriesFullMobile(message)) return { status: "dead", answer: REFUSED_PHONE };
  if (message.medium === "WEBHOOK") return sendWebhook(target, message, options);
  switch (target.kind) {
    case "WECOM":
      return sendWecom(target.url, message, options.timeoutMs);
    case "DINGTALK":
      return sendDingtalk(target, message, options.timeoutMs);
    case "FEISHU":
      return sendFeishu(target, message, options.timeoutMs);
  }
  throw new Error(`unknown channel kind ${target.kind}`);
}
