import Link from "next/link";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import type { ImportJobView, ImportSummary } from "@/lib/leads/import/queries";
import { DropImportFile } from "./drop-file";
import { IMPORT_STEPS } from "./import-steps";
import { UndoImport } from "./undo-import";
import styles from "./import.module.css";

/**
 * A job that has ended: done (with the error file, the leads or the inventory, and the undo), undone,
 * failed or cancelled. A units import says its counts in units.
 */
export async function ImportOutcome({ job, summary }: { job: ImportJobView; summary: ImportSummary }) {
  const [locale, messages, leads, units] = await Promise.all([
    getLocale(),
    getMessages(),
    getTranslations("leadImport.summary"),
    getTranslations("unitImport.summary"),
  ]);
  const unitKind = job.kind === "UNITS";
  const t = leads;
  /** the two sentences that say what the import wrote: leads or units */
  const said = unitKind ? (units as unknown as typeof leads) : leads;
  const text = messages.leadImport.summary;
  const pages = IMPORT_STEPS[job.kind].pages;
  const n = (value: number) => formatNumber(value, locale);
  if (job.status === "CANCELLED") return <p>{unitKind ? messages.unitImport.cancelledText : text.cancelledText}</p>;
  const counts = said("counts", {
    created: n(job.created),
    merged: n(job.merged),
    skipped: n(job.skipped),
    failed: n(job.failed),
  });
  return (
    <section aria-labelledby="outcome-heading" data-testid="import-outcome">
      <h2 id="outcome-heading">
        {text[job.status === "DONE" ? "done" : job.status === "UNDONE" ? "undone" : "failedTitle"]}
      </h2>
      {job.status === "FAILED" && (
        <p className="notice">{job.error ? t("failed", { error: job.error }) : text.failedUnknown}</p>
      )}
      {job.status === "UNDONE" && job.undoneAt && (
        <p className="notice">{said("undoneAt", { when: formatDateTime(job.undoneAt, locale) })}</p>
      )}
      <p>{counts}</p>
      {job.startedAt && job.finishedAt && (
        <p>
          {t("took", {
            duration: duration(job.finishedAt.getTime() - job.startedAt.getTime(), locale),
            when: formatDateTime(job.finishedAt, locale),
          })}
        </p>
      )}
      <div className={`row-actions ${styles.figures}`}>
        {(job.failed > 0 || summary.withErrors > 0) && (
          <a href={`${pages}/${job.id}/errors`} className="button secondary" download>
            {text.errorFile}
          </a>
        )}
        {job.status === "DONE" && (unitKind ? job.created + job.merged : job.created) > 0 && (
          <Link href={unitKind ? "/crm/inventory" : "/crm/leads?source=import"} className="button secondary">
            {unitKind ? messages.unitImport.summary.grid : text.leads}
          </Link>
        )}
      </div>
      {job.undoableUntil && (
        <div className="panel">
          <p>{t("undoUntil", { until: formatDateTime(job.undoableUntil, locale) })}</p>
          <UndoImport jobId={job.id} created={job.created} kind={job.kind} />
        </div>
      )}
      {job.hasFile && (
        <p className="row-actions">
          <span>{text.fileKept}</span>
          <DropImportFile jobId={job.id} kind={job.kind} />
        </p>
      )}
    </section>
  );
}

/** How long the writing took, in whole seconds or minutes as the reader says them. */
function duration(ms: number, locale: string): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  const [value, unit] = seconds < 120 ? [seconds, "second"] : [Math.round(seconds / 60), "minute"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}
