"use client";
import { IntlProvider } from "use-intl";
import type { ReactNode } from "react";
import type { Locale, Messages } from "@/lib/i18n/messages";

export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={messages} timeZone="Asia/Shanghai">
      {children}
    </IntlProvider>
  );
}
