import "server-only";
import type { Database } from "../../db/client";
import type { Delivery, Role } from "../../db/generated/client";
import { compiledTranslator } from "../../i18n/compiled-translator";
import { defaultLocale, loadMessages, type Locale, type Messages } from "../../i18n/messages";
import type { Viewer } from "../../auth/session";
import { isStaffEmailTopic } from "../topics";

/*
 * What every staff message shares: the language (users have no language of their own yet, so staff
 * read the workspace's first language, Chinese), the catalogue, and the recipient as a viewer, so a
 * mail shows a lead's contacts exactly as the workspace would show them to that person.
 */

export const STAFF_LOCALE: Locale = defaultLocale;

async function loadStaffWords() {
  const messages: Messages = await loadMessages(STAFF_LOCALE);
  return {
    messages,
    locale: STAFF_LOCALE,
    t: compiledTranslator(STAFF_LOCALE, messages, "notify"),
  };
}
export type StaffWords = Awaited<ReturnType<typeof loadStaffWords>>;

let words: Promise<StaffWords> | undefined;

/**
 * One translator for the process: the catalogue never changes while it runs, and the translator keeps
 * each message compiled (lib/i18n/compiled-translator.ts), which a new one per batch would compile
 * again (under a stream of inquiries, most of what rendering cost).
 */
export function staffWords(): Promise<StaffWords> {
  return (words ??= loadStaffWords());
}

export interface Recipient extends Viewer {
  active: boolean;
  emailMuted: string[];
}

/** The users the deliveries go to, by id, in one query (with any others the caller names, such as actors). */
export async function loadUsers(db: Database, deliveries: Delivery[], others: (string | null)[] = []) {
  const ids = [...new Set([...deliveries.map((delivery) => delivery.userId), ...others])].filter(
    (id): id is string => id !== null,
  );
  const users = ids.length
    ? await db.user.findMany({
        where: { id: { in: ids } },
        select: { id: true, email: true, name: true, role: true, active: true, emailMuted: true },
      })
    : [];
  return new Map<string, Recipient>(users.map((user) => [user.id, { ...user, role: user.role as Role }]));
}

/**
 * Why an email delivery no longer applies when its turn comes, or null: the user was deactivated,
 * or muted the topic after it was planned.
 */
export function recipientSkip(user: Recipient | undefined, topic: string): string | null {
  if (!user) return "user not found";
  if (!user.active) return "user deactivated";
  if (isStaffEmailTopic(topic) && user.emailMuted.includes(topic)) return "topic muted by the user";
  return null;
}
