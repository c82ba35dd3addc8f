import type { GroupMessage } from "../message";

/*
 * Defence in depth for group chats, which many people read: the renderer masks every phone, and
 * this refuses a message that still carries a full mainland mobile (+86 optional, separators
 * allowed, full-width digits folded by NFKC). The link is left out: its URL holds ids, not words.
 * lib/leads/mask.ts knows more forms; this stays a short local check so that lib/notify does not
 * depend on lib/leads, which records notification events.
 */
const FULL_MOBILE = /(?<!\d)(?:\+?86[\s\-.]{0,3})?1[\s\-.]{0,3}[3-9](?:[\s\-.]{0,3}\d){9}(?!\d)/u;

export function carriesFullMobile(message: GroupMessage): boolean {
  const words = [message.title, ...message.lines, message.link?.label ?? ""].join("\n").normalize("NFKC");
  return FULL_MOBILE.test(words);
}
