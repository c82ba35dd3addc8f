import Link from "next/link";
import type { Metadata } from "next";
import { I18nProvider } from "@/components/i18n-provider";
import { ImportHelp } from "@/components/leads/import/import-help";
import { ImportList } from "@/components/leads/import/import-list";
import { UploadForm } from "@/components/leads/import/upload-form";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { listImports } from "@/lib/leads/import/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).leadImport.page.title };
}

export default async function LeadImportsPage() {
  const viewer = await requireRole("ADMIN");
  const [db, messages] = await Promise.all([getDb(), getMessages()]);
  const jobs = await listImports(db, viewer);
  const text = messages.leadImport.page;
  return (
    <I18nProvider namespaces={["leadImport", "unitImport", "validation"]}>
      <>
        <p>
          <Link href="/crm/leads">{text.back}</Link>
        </p>
        <h1>{text.title}</h1>
        <ImportHelp />
        <section aria-labelledby="upload-heading">
          <h2 id="upload-heading">{text.upload.title}</h2>
          <UploadForm />
        </section>
        <ImportList kind="LEADS" jobs={jobs} userId={viewer.id} />
      </>
    </I18nProvider>
  );
}
