import Link from "next/link";
import type { Metadata } from "next";
import { I18nProvider } from "@/components/i18n-provider";
import { UnitImportHelp } from "@/components/inventory/import/unit-import-help";
import { ImportList } from "@/components/leads/import/import-list";
import { UploadForm } from "@/components/leads/import/upload-form";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { inventoryParks } from "@/lib/inventory/grid/queries";
import { listImports } from "@/lib/leads/import/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).unitImport.title };
}

/** /crm/inventory/import: a manager's or admin's imports of buildings and units, and the upload with its park. */
export default async function UnitImportsPage() {
  const viewer = await requireRole("MANAGER", "ADMIN");
  const [db, locale, messages] = await Promise.all([getDb(), getLocale(), getMessages()]);
  const [jobs, parks] = await Promise.all([listImports(db, viewer, new Date(), "UNITS"), inventoryParks(db, viewer)]);
  const text = messages.unitImport;
  return (
    <I18nProvider namespaces={["leadImport", "unitImport", "validation"]}>
      <>
        <p>
          <Link href="/crm/inventory">{text.back}</Link>
        </p>
        <h1>{text.title}</h1>
        <UnitImportHelp />
        <section aria-labelledby="upload-heading">
          <h2 id="upload-heading">{text.upload.title}</h2>
          {parks.length === 0 ? (
            <p className="panel">{text.upload.noParks}</p>
          ) : (
            <UploadForm
              kind="UNITS"
              parks={parks.map((park) => ({ id: park.id, name: localized(locale, park.name, park.nameEn) }))}
            />
          )}
        </section>
        <ImportList kind="UNITS" jobs={jobs} userId={viewer.id} />
      </>
    </I18nProvider>
  );
}
