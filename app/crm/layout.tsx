import type { Metadata } from "next";
import type { ReactNode } from "react";
import { CrmHeader } from "@/components/crm/crm-header";
import { DemoBanner } from "@/components/demo/demo-banner";
import { I18nProvider } from "@/components/i18n-provider";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { demoWorkspaceShown } from "@/lib/demo/queries";

export const metadata: Metadata = { robots: { index: false } };

export default async function CrmLayout({ children }: { children: ReactNode }) {
  const viewer = await requireUser();
  const demo = await demoWorkspaceShown(await getDb(), viewer);
  return (
    <I18nProvider namespaces={["workspace"]}>
      <CrmHeader viewer={viewer} />
      <main id="main" className="container workspace">
        {demo && <DemoBanner admin={viewer.role === "ADMIN"} />}
        {children}
      </main>
    </I18nProvider>
  );
}
