import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { createTranslator } from "use-intl/core";
import { defaultLocale, isLocale, loadMessages, type Locale } from "./messages";

export const LOCALE_COOKIE = "locale";

/** The visitor's UI language: the cookie set by the language switch, else Chinese. */
export const getLocale = cache(async (): Promise<Locale> => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : defaultLocale;
});

export const getMessages = cache(async () => loadMessages(await getLocale()));

export async function getTranslations() {
  const locale = await getLocale();
  return createTranslator({ locale, messages: await loadMessages(locale) });
}

export async function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: await loadMessages(locale) });
}
