import type { Metadata } from "next";
import type { ReactNode } from "react";
import { CrmHeader } from "@/components/crm/crm-header";
import { requireUser } from "@/lib/auth/session";
import { getLocale, getMessages } from "@/lib/i18n/server";

export const metadata: Metadata = { robots: { index: false } };

export default async function CrmLayout({ children }: { children: ReactNode }) {
  const [viewer, locale, messages] = await Promise.all([requireUser(), getLocale(), getMessages()]);
  return (
    <>
      <CrmHeader viewer={viewer} locale={locale} messages={messages} />
      <main id="main" className="container">
        {children}
      </main>
    </>
  );
}
