import { zhCN } from "./messages/zh-CN";

export type Messages = typeof zhCN;
/** A top-level part of the catalogue, the unit the client is given messages in. */
export type Namespace = keyof Messages;

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === "en" ? (await import("./messages/en")).en : zhCN;
}

/** The part of a catalogue a page's client components translate with (see components/i18n-provider.tsx). */
export function pickMessages(messages: Messages, namespaces: readonly Namespace[]): Partial<Messages> {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]])) as Partial<Messages>;
}
