import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { defaultLocale, isLocale, loadMessages, type Locale, type Messages } from "./messages";

export const LOCALE_COOKIE = "locale";

/** The visitor's UI language: the cookie set by the language switch, else Chinese. */
export const getLocale = cache(async (): Promise<Locale> => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : defaultLocale;
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
