import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { formatArea } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { validationMessage } from "@/lib/i18n/validation";
import type { ImportPreviewRow } from "@/lib/leads/import/queries";
import type { ImportedLead, ImportField, ImportMapping } from "@/lib/leads/import/types";
import { RowChoice } from "./row-choice";
import { repeatedRow, rowChoices } from "./row-choices";
import styles from "./import.module.css";

export interface PreviewLookups {
  stages: { key: string; name: string; nameEn: string | null }[];
  owners: { id: string; name: string }[];
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * One page of the preview: each row's values as read (a row with errors shows its cells as written),
 * its errors in the form's words, the lead it duplicates, and the choice of what happens to it.
 */
export function PreviewTable({
  jobId,
  userId,
  rows,
  mapping,
  lookups,
  locale,
  messages,
  t,
}: {
  jobId: string;
  userId: string;
  rows: ImportPreviewRow[];
  mapping: ImportMapping;
  lookups: PreviewLookups;
  locale: Locale;
  messages: Messages;
  /** the root translator, for the validation messages and leadImport's own */
  t: Translate;
}) {
  const text = messages.leadImport.preview;
  const columnOf = new Map(Object.entries(mapping).map(([column, field]) => [field, Number(column)]));
  const cell = (row: ImportPreviewRow, field: ImportField) => {
    const column = columnOf.get(field);
    return column === undefined ? "" : (row.cells[column] ?? "");
  };
  const stageName = (key: string | null) => {
    const stage = lookups.stages.find((candidate) => candidate.key === key);
    return stage ? localized(locale, stage.name, stage.nameEn) : (key ?? "");
  };
  const ownerName = (values: ImportedLead) => {
    if (values.unknownOwner) return t("leadImport.preview.unknownOwner", { name: values.unknownOwner });
    return lookups.owners.find((owner) => owner.id === values.ownerId)?.name ?? text.pool;
  };
  const fieldName = (field: string) => (messages.leadImport.mapping.fields as Record<string, string>)[field] ?? field;

  return (
    <DataTable
      id="lead-import-preview"
      userId={userId}
      label={text.table}
      chooserLabel={text.columns}
      columns={[
        { id: "row", label: text.row },
        { id: "company", label: text.company },
        { id: "contact", label: text.contact },
        { id: "phone", label: text.phone },
        { id: "need", label: text.need },
        { id: "stage", label: text.stage },
        { id: "owner", label: text.owner },
        { id: "problems", label: text.problems },
        { id: "duplicate", label: text.duplicate },
        { id: "choice", label: text.choice },
      ]}
      rows={rows.map((row) => {
        const values = row.values;
        const repeat = repeatedRow(row.reason);
        const choices = rowChoices({ hasErrors: row.errors !== null, matchBy: row.matchBy, repeat: repeat !== null });
        const current = row.decision ?? row.proposal;
        return {
          id: String(row.rowNumber),
          cells: {
            row: row.rowNumber,
            company: values?.company ?? cell(row, "company"),
            contact: values?.contactName ?? cell(row, "contactName"),
            phone: values?.phone ?? cell(row, "phone"),
            need: values ? needOf(values, locale, messages) : "",
            stage: values ? stageName(values.stageKey ?? "new") : cell(row, "stage"),
            owner: values ? ownerName(values) : cell(row, "owner"),
            problems: (row.errors || repeat !== null) && (
              <ul className={styles.errors}>
                {Object.entries(row.errors ?? {}).map(([field, key]) => (
                  <li key={field}>
                    {fieldName(field)}：{validationMessage(t as never, key)}
                  </li>
                ))}
                {repeat !== null && <li>{t("leadImport.preview.repeat", { row: repeat })}</li>}
              </ul>
            ),
            duplicate: row.duplicate && (
              <div className={styles.duplicate}>
                <Link href={`/crm/leads/${row.duplicate.id}`}>{row.duplicate.company}</Link>
                <br />
                {row.duplicate.contactName} · {row.duplicate.phone}
                <br />
                {stageName(row.duplicate.stageKey)} · {row.duplicate.ownerName ?? text.pool}
                <br />
                <span className="hint">{row.matchBy === "phone" ? text.byPhone : text.byCompany}</span>
              </div>
            ),
            choice: (
              <RowChoice
                // a choice made for all rows arrives as a new `current`: the select starts again from it
                key={current}
                jobId={jobId}
                rowNumber={row.rowNumber}
                choices={choices}
                current={choices.includes(current) ? current : choices[0]}
              />
            ),
          },
        };
      })}
    />
  );
}

/** What the row asks for, in the reader's words: 租赁 · 厂房 · 5,000 m². */
function needOf(values: ImportedLead, locale: Locale, messages: Messages): string {
  const parts = [
    values.needDeal && messages.inquiry.dealOptions[values.needDeal === "BUY" ? "buy" : "rent"],
    values.needKind && messages.kind[values.needKind],
    values.needArea && formatArea(values.needArea, values.needAreaUnit ?? "SQM", locale, messages),
  ];
  return parts.filter(Boolean).join(" · ");
}
