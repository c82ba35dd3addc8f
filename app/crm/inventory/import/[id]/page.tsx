import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { I18nProvider } from "@/components/i18n-provider";
import { UnitPreviewTable } from "@/components/inventory/import/unit-preview-table";
import { CancelImport } from "@/components/leads/import/cancel-import";
import { ImportOutcome } from "@/components/leads/import/import-outcome";
import { ImportProgress } from "@/components/leads/import/import-progress";
import { MappingForm } from "@/components/leads/import/mapping-form";
import { PreviewActions } from "@/components/leads/import/preview-actions";
import { PreviewCounts } from "@/components/leads/import/preview-counts";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import type { ImportedUnit } from "@/lib/inventory/import/schema";
import { importJob, importPreview, importSummary, type ImportPreviewRow } from "@/lib/leads/import/queries";
import { importSamples } from "@/lib/leads/import/samples";
import { importPreviewSchema } from "@/lib/leads/import/schema";

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).unitImport.title };
}

/** /crm/inventory/import/[id]: one units import — its mapping, preview, progress, outcome and undo. */
export default async function UnitImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Params>;
}) {
  const viewer = await requireRole("MANAGER", "ADMIN");
  const [{ id }, query, db, locale, messages, t] = await Promise.all([
    params,
    searchParams,
    getDb(),
    getLocale(),
    getMessages(),
    getTranslations(),
  ]);
  const job = await importJob(db, viewer, id, new Date(), "UNITS");
  if (!job) notFound();
  const text = messages.leadImport;
  const page = importPreviewSchema.parse({ filter: first(query.filter), cursor: first(query.cursor) });

  let body: React.ReactNode;
  if (job.status === "MAPPING") {
    body = (
      <section aria-labelledby="mapping-heading">
        <h2 id="mapping-heading">{text.mapping.title}</h2>
        <p className="hint">{t("leadImport.mapping.hint", { row: job.headerRow })}</p>
        <MappingForm
          jobId={job.id}
          kind="UNITS"
          headers={job.headers}
          samples={await importSamples(db, viewer, job.id, "UNITS")}
          mapping={job.mapping ?? {}}
        />
      </section>
    );
  } else if (job.status === "ANALYSING" || job.status === "RUNNING") {
    body = (
      <>
        <ImportProgress step={job.status} done={job.processedRows} total={job.totalRows} />
        {job.status === "ANALYSING" && <CancelImport jobId={job.id} kind="UNITS" />}
      </>
    );
  } else if (job.status === "PREVIEW") {
    const [summary, preview] = await Promise.all([
      importSummary(db, viewer, job.id, "UNITS"),
      importPreview(db, viewer, job.id, page, "UNITS"),
    ]);
    body = (
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">{text.preview.title}</h2>
        <p className="hint">{text.preview.hint}</p>
        <PreviewCounts summary={summary} filter={page.filter} total={job.totalRows} />
        <PreviewActions jobId={job.id} kind="UNITS" />
        {preview.rows.length === 0 ? (
          <p>{text.preview.empty}</p>
        ) : (
          <UnitPreviewTable
            jobId={job.id}
            userId={viewer.id}
            rows={preview.rows as unknown as ImportPreviewRow<ImportedUnit>[]}
            mapping={job.mapping ?? {}}
            locale={locale}
            messages={messages}
            t={t as never}
          />
        )}
        {(page.cursor > 0 || preview.next !== null) && (
          <nav className="row-actions" aria-label={text.preview.pages}>
            {page.cursor > 0 && (
              <Link href={`?filter=${page.filter}`} className="button secondary">
                {text.preview.first}
              </Link>
            )}
            {preview.next !== null && (
              <Link href={`?filter=${page.filter}&cursor=${preview.next}`} className="button secondary">
                {text.preview.more}
              </Link>
            )}
          </nav>
        )}
      </section>
    );
  } else {
    body = <ImportOutcome job={job} summary={await importSummary(db, viewer, job.id, "UNITS")} />;
  }

  return (
    <I18nProvider namespaces={["leadImport", "unitImport", "validation"]}>
      <>
        <p>
          <Link href="/crm/inventory/import">{messages.unitImport.title}</Link>
        </p>
        <h1>{job.fileName}</h1>
        <p data-testid="import-status">
          {t("leadImport.page.summaryLine", {
            status: text.page.status[job.status],
            rows: formatNumber(job.totalRows, locale),
          })}
          {job.park && ` · ${localized(locale, job.park.name, job.park.nameEn)}`}
        </p>
        {body}
      </>
    </I18nProvider>
  );
}
