import Link from "next/link";
import { formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import type { ImportJobView, ImportSummary } from "@/lib/leads/import/queries";
import type { ImportPreviewFilter } from "@/lib/leads/import/schema";
import { CancelImport } from "./cancel-import";
import { ImportProgress } from "./import-progress";
import { IMPORT_STEPS } from "./import-steps";
import { MappingForm } from "./mapping-form";
import { PreviewActions } from "./preview-actions";
import { PreviewCounts } from "./preview-counts";

/*
 * One import's page, the same for every kind: the way back to the kind's imports, the file and its status,
 * and the section of the step the job is at. The pages read the data and give the catalogue namespaces; the
 * preview's table is the kind's own.
 */

export async function ImportJobFrame({ job, children }: { job: ImportJobView; children: React.ReactNode }) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations()]);
  const text = messages.leadImport;
  return (
    <>
      <p>
        <Link href={IMPORT_STEPS[job.kind].pages}>
          {job.kind === "UNITS" ? messages.unitImport.title : text.page.title}
        </Link>
      </p>
      <h1>{job.fileName}</h1>
      <p data-testid="import-status">
        {t("leadImport.page.summaryLine", {
          status: text.page.status[job.status],
          rows: formatNumber(job.totalRows, locale),
        })}
        {job.park && ` · ${localized(locale, job.park.name, job.park.nameEn)}`}
      </p>
      {children}
    </>
  );
}

export async function ImportMappingStep({ job, samples }: { job: ImportJobView; samples: string[][] }) {
  const [messages, t] = await Promise.all([getMessages(), getTranslations()]);
  return (
    <section aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">{messages.leadImport.mapping.title}</h2>
      <p className="hint">{t("leadImport.mapping.hint", { row: job.headerRow })}</p>
      <MappingForm jobId={job.id} kind={job.kind} headers={job.headers} samples={samples} mapping={job.mapping ?? {}} />
    </section>
  );
}

/** The analysis or the writing under way; the analysis can still be cancelled. */
export function ImportRunningStep({ job, step }: { job: ImportJobView; step: "ANALYSING" | "RUNNING" }) {
  return (
    <>
      <ImportProgress step={step} done={job.processedRows} total={job.totalRows} />
      {step === "ANALYSING" && <CancelImport jobId={job.id} kind={job.kind} />}
    </>
  );
}

/** The preview: its counts and actions, one page of the kind's table (`children`) and the way to the next. */
export async function ImportPreviewStep({
  job,
  summary,
  page,
  next,
  empty,
  children,
}: {
  job: ImportJobView;
  summary: ImportSummary;
  page: { filter: ImportPreviewFilter; cursor: number };
  next: number | null;
  empty: boolean;
  children: React.ReactNode;
}) {
  const text = (await getMessages()).leadImport.preview;
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">{text.title}</h2>
      <p className="hint">{text.hint}</p>
      <PreviewCounts summary={summary} filter={page.filter} total={job.totalRows} />
      <PreviewActions jobId={job.id} kind={job.kind} />
      {empty ? <p>{text.empty}</p> : children}
      {(page.cursor > 0 || next !== null) && (
        <nav className="row-actions" aria-label={text.pages}>
          {page.cursor > 0 && (
            <Link href={`?filter=${page.filter}`} className="button secondary">
              {text.first}
            </Link>
          )}
          {next !== null && (
            <Link href={`?filter=${page.filter}&cursor=${next}`} className="button secondary">
              {text.more}
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
