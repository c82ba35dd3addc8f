import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { localeFromAcceptLanguage } from "./accept-language";
import { isLocale, loadMessages, type Locale, type Messages } from "./messages";

export const LOCALE_COOKIE = "locale";

/**
 * The visitor's UI language: the cookie set by the language switch, else the browser's preference
 * (Accept-Language), else Chinese. Pages the browser may keep say they vary by both
 * (lib/http/page-cache.ts).
 */
export const getLocale = cache(async (): Promise<Locale> => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(value)) return value;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
});

export const getMessages = cache(async () => loadMessages(await getLocale()));

/** A server component's translator, for one namespace ("listing", "leadPage.header") or the whole catalogue. */
export function getTranslations<const N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(
  namespace: N,
): Promise<Translator<N>>;
// Last, so ReturnType<typeof getTranslations> stays the whole-catalogue translator.
export function getTranslations(): Promise<Translator<never>>;
export async function getTranslations(namespace?: string) {
  const locale = await getLocale();
  return createTranslator({ locale, messages: await getMessages(), namespace: namespace as never });
}

type Translator<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>> = ReturnType<
  typeof createTranslator<Messages, N>
>;

export async function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: await loadMessages(locale) });
}
