import { maskMobiles } from "../../leads/mask";
import type { GroupMessage, WebhookMessage } from "../message";

/*
 * Defence in depth for what leaves for a group chat or a webhook (which often relays to one): the
 * renderer masks every phone, and this refuses words that still carry a full mainland mobile, in
 * any of the forms the workspace's mask recognises. Links are left out: their URLs hold ids, not words.
 */
export function carriesFullMobile(message: GroupMessage | WebhookMessage): boolean {
  const shown = message.medium === "GROUP" ? message : message.text;
  const words = [shown.title, ...shown.lines, shown.link?.label ?? ""].join("\n");
  return maskMobiles(words) !== words;
}
