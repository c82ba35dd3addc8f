import { zhCN } from "./messages/zh-CN";

export type Messages = typeof zhCN;

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === "en" ? (await import("./messages/en")).en : zhCN;
}
