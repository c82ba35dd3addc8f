"use client";
import { IntlProvider } from "use-intl";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale, Messages } from "@/lib/i18n/messages";

// The namespaces already given by the providers above: a page's provider adds its own to the
// layout's instead of replacing them (use-intl's IntlProvider alone would replace).
const Inherited = createContext<Partial<Messages>>({});

export function IntlClientProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Partial<Messages>;
  children: ReactNode;
}) {
  const inherited = useContext(Inherited);
  const merged = useMemo(() => ({ ...inherited, ...messages }), [inherited, messages]);
  return (
    <Inherited.Provider value={merged}>
      <IntlProvider locale={locale} messages={merged} timeZone="Asia/Shanghai">
        {children}
      </IntlProvider>
    </Inherited.Provider>
  );
}
