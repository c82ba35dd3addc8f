import { maskMobiles } from "../../leads/mask";
import type { GroupMessage } from "../message";

/*
 * Defence in depth for group chats, which many people read: the renderer masks every phone, and
 * this refuses a message that still carries a full mainland mobile, in any of the forms the
 * workspace's mask recognises. The link is left out: its URL holds ids, not words.
 */
export function carriesFullMobile(message: GroupMessage): boolean {
  const words = [message.title, ...message.lines, message.link?.label ?? ""].join("\n");
  return maskMobiles(words) !== words;
}
