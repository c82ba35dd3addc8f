import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import type { ImportJobListItem } from "@/lib/leads/import/queries";
import type { ImportKind } from "@/lib/leads/import/schema";
import { IMPORT_STEPS } from "./import-steps";

/** The imports of one kind, newest first, each opening its own page; a units import also names its park. */
export async function ImportList({
  kind,
  jobs,
  userId,
}: {
  kind: ImportKind;
  jobs: ImportJobListItem[];
  userId: string;
}) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("leadImport.page")]);
  const common = messages.leadImport.page;
  const text = kind === "UNITS" ? messages.unitImport.list : common.list;
  const count = (value: number) => formatNumber(value, locale);
  return (
    <section aria-labelledby="imports-heading">
      <h2 id="imports-heading">{text.title}</h2>
      {jobs.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <DataTable
          id={kind === "UNITS" ? "unit-imports" : "lead-imports"}
          userId={userId}
          label={text.label}
          chooserLabel={common.list.columns}
          columns={[
            { id: "file", label: common.list.file },
            ...(kind === "UNITS" ? [{ id: "park", label: messages.unitImport.list.park }] : []),
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
                <Link
                  href={`${IMPORT_STEPS[kind].pages}/${job.id}`}
                  aria-label={t("list.open", { file: job.fileName })}
                >
                  {job.fileName}
                </Link>
              ),
              ...(kind === "UNITS" ? { park: job.park ? localized(locale, job.park.name, job.park.nameEn) : "" } : {}),
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
  );
}
