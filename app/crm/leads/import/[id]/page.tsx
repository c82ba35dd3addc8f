import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { I18nProvider } from "@/components/i18n-provider";
import {
  ImportJobFrame,
  ImportMappingStep,
  ImportPreviewStep,
  ImportRunningStep,
} from "@/components/leads/import/import-job";
import { ImportOutcome } from "@/components/leads/import/import-outcome";
import { PreviewTable } from "@/components/leads/import/preview-table";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { inboxFilterOptions } from "@/lib/leads/filter/options";
import { importJob, importPreview, importSummary } from "@/lib/leads/import/queries";
import { importSamples } from "@/lib/leads/import/samples";
import { importPreviewSchema } from "@/lib/leads/import/schema";

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).leadImport.page.title };
}

export default async function LeadImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Params>;
}) {
  const viewer = await requireRole("ADMIN");
  const [{ id }, query, db, locale, messages, t] = await Promise.all([
    params,
    searchParams,
    getDb(),
    getLocale(),
    getMessages(),
    getTranslations(),
  ]);
  const job = await importJob(db, viewer, id);
  if (!job) notFound();
  const page = importPreviewSchema.parse({ filter: first(query.filter), cursor: first(query.cursor) });

  let body: React.ReactNode;
  if (job.status === "MAPPING") {
    body = <ImportMappingStep job={job} samples={await importSamples(db, viewer, job.id)} />;
  } else if (job.status === "ANALYSING" || job.status === "RUNNING") {
    body = <ImportRunningStep job={job} step={job.status} />;
  } else if (job.status === "PREVIEW") {
    const [summary, preview, lookups] = await Promise.all([
      importSummary(db, viewer, job.id),
      importPreview(db, viewer, job.id, page),
      inboxFilterOptions(db, viewer),
    ]);
    body = (
      <ImportPreviewStep job={job} summary={summary} page={page} next={preview.next} empty={preview.rows.length === 0}>
        <PreviewTable
          jobId={job.id}
          userId={viewer.id}
          rows={preview.rows}
          mapping={job.mapping ?? {}}
          lookups={lookups}
          locale={locale}
          messages={messages}
          t={t as never}
        />
      </ImportPreviewStep>
    );
  } else {
    body = <ImportOutcome job={job} summary={await importSummary(db, viewer, job.id)} />;
  }
  return (
    <I18nProvider namespaces={["leadImport", "unitImport", "validation"]}>
      <ImportJobFrame job={job}>{body}</ImportJobFrame>
    </I18nProvider>
  );
}
