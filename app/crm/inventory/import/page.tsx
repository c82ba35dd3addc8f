import Link from "next/link";
import type { Metadata } from "next";
import { I18nProvider } from "@/components/i18n-provider";
import { UnitImportHelp } from "@/components/inventory/import/unit-import-help";
import { UploadForm } from "@/components/leads/import/upload-form";
import { DataTable } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { inventoryParks } from "@/lib/inventory/grid/queries";
import { listImports } from "@/lib/leads/import/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).unitImport.title };
}

/** /crm/inventory/import: a manager's or admin's imports of buildings and units, and the upload with its park. */
export default async function UnitImportsPage() {
  const viewer = await requireRole("MANAGER", "ADMIN");
  const [db, locale, messages, t] = await Promise.all([
    getDb(),
    getLocale(),
    getMessages(),
    getTranslations("leadImport.page"),
  ]);
  const [jobs, parks] = await Promise.all([listImports(db, viewer, new Date(), "UNITS"), inventoryParks(db, viewer)]);
  const text = messages.unitImport;
  const common = messages.leadImport.page;
  const count = (value: number) => formatNumber(value, locale);
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
        <section aria-labelledby="imports-heading">
          <h2 id="imports-heading">{text.list.title}</h2>
          {jobs.length === 0 ? (
            <p>{text.list.empty}</p>
          ) : (
            <DataTable
              id="unit-imports"
              userId={viewer.id}
              label={text.list.label}
              chooserLabel={common.list.columns}
              columns={[
                { id: "file", label: common.list.file },
                { id: "park", label: text.list.park },
                { id: "by", label: common.list.by },
                { id: "when", label: common.list.when },
                { id: "status", label: common.list.status },
                { id: "rows", label: common.list.rows, numeric: true },
                { id: "results", label: common.list.results, numeric: true },
              ]}
              rows={jobs.map((job) => ({
                id: job.id,
                cells: {
                  file: (
                    <Link href={`/crm/inventory/import/${job.id}`} aria-label={t("list.open", { file: job.fileName })}>
                      {job.fileName}
                    </Link>
                  ),
                  park: job.park ? localized(locale, job.park.name, job.park.nameEn) : "",
                  by: job.createdBy.name,
                  when: formatDateTime(job.createdAt, locale),
                  status: common.status[job.status],
                  rows: count(job.totalRows),
                  results: [job.created, job.merged, job.skipped, job.failed].map(count).join(" / "),
                },
              }))}
            />
          )}
        </section>
      </>
    </I18nProvider>
  );
}
