import type { Metadata } from "next";
import type { ReactNode } from "react";
import { CrmHeader } from "@/components/crm/crm-header";
import { I18nProvider } from "@/components/i18n-provider";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { robots: { index: false } };

export default async function CrmLayout({ children }: { children: ReactNode }) {
  const viewer = await requireUser();
  return (
    <I18nProvider namespaces={["workspace"]}>
      <CrmHeader viewer={viewer} />
      <main id="main" className="container workspace">
        {children}
      </main>
    </I18nProvider>
  );
}
