import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { privacyOperator } from "@/lib/privacy/notice";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <>
      <SiteHeader locale={locale} messages={messages} />
      <main id="main" className="container">
        {children}
      </main>
      <SiteFooter messages={messages} operator={privacyOperator()} english={locale === "en"} />
    </>
  );
}
