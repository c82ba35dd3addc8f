import Link from "next/link";
import type { Metadata } from "next";
import { I18nProvider } from "@/components/i18n-provider";
import { ImportHelp } from "@/components/leads/import/import-help";
import { UploadForm } from "@/components/leads/import/upload-form";
import { DataTable } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { listImports } from "@/lib/leads/import/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).leadImport.page.title };
}

export default async function LeadImportsPage() {
  const viewer = await requireRole("ADMIN");
  const [db, locale, messages, t] = await Promise.all([
    getDb(),
    getLocale(),
    getMessages(),
    getTranslations("leadImport.page"),
  ]);
  const jobs = await listImports(db, viewer);
  const text = messages.leadImport.page;
  const count = (value: number) => formatNumber(value, locale);
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
        <section aria-labelledby="imports-heading">
          <h2 id="imports-heading">{text.list.title}</h2>
          {jobs.length === 0 ? (
            <p>{text.list.empty}</p>
          ) : (
            <DataTable
              id="lead-imports"
              userId={viewer.id}
              label={text.list.label}
              chooserLabel={text.list.columns}
              columns={[
                { id: "file", label: text.list.file },
                { id: "by", label: text.list.by },
                { id: "when", label: text.list.when },
                { id: "status", label: text.list.status },
                { id: "rows", label: text.list.rows, numeric: true },
                { id: "results", label: text.list.results, numeric: true },
              ]}
              rows={jobs.map((job) => ({
                id: job.id,
                cells: {
                  file: (
                    <Link href={`/crm/leads/import/${job.id}`} aria-label={t("list.open", { file: job.fileName })}>
                      {job.fileName}
                    </Link>
                  ),
                  by: job.createdBy.name,
                  when: formatDateTime(job.createdAt, locale),
                  status: text.status[job.status],
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
