import type { Locale } from "./messages";

/** Content stored in both languages: English where asked for and present, else Chinese. */
export function localized<T>(locale: Locale, zh: T, en: T | null | undefined): T {
  return locale === "en" && en !== null && en !== undefined && en !== "" ? en : zh;
}
