import type { ReactNode } from "react";
import { IntlClientProvider } from "@/components/i18n-client-provider";
import { pickMessages, type Namespace } from "@/lib/i18n/messages";
import { getLocale, getMessages } from "@/lib/i18n/server";

/**
 * Gives the client components below it the catalogue namespaces they translate with, and only
 * those: whatever is passed here is serialised into the page. Layouts and pages list their
 * namespaces as a literal array, which tests/integration/client-namespaces.test.ts reads and checks against
 * the useTranslations calls of every client component the route renders. Providers nest and add up.
 */
export async function I18nProvider({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: ReactNode;
}) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <IntlClientProvider locale={locale} messages={pickMessages(messages, namespaces)}>
      {children}
    </IntlClientProvider>
  );
}
