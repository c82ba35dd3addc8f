import styles from "@/components/leads/import/import.module.css";
import { RowChoice } from "@/components/leads/import/row-choice";
import { repeatedRow, type RowChoice as Choice } from "@/components/leads/import/row-choices";
import { DataTable } from "@/components/ui/data-table";
import { formatArea, formatNumber } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { validationMessage } from "@/lib/i18n/validation";
import { term } from "@/lib/i18n/vocabulary";
import type { ImportedUnit } from "@/lib/inventory/import/schema";
import type { ImportPreviewRow } from "@/lib/leads/import/queries";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * What a units row may become: a row with errors, or repeating an earlier row's unit, only a skip; a
 * row matching an existing unit updates it or is skipped (the building + number is taken); else a new unit.
 */
export function unitRowChoices(row: { hasErrors: boolean; matched: boolean; repeat: boolean }): Choice[] {
  if (row.hasErrors || row.repeat) return ["SKIP"];
  return row.matched ? ["MERGE", "SKIP"] : ["CREATE", "SKIP"];
}

/**
 * One page of a units import's preview: each row's unit as read (a row with errors shows its cells as
 * written), its errors in the form's words, the existing unit it updates, and the choice.
 */
export function UnitPreviewTable({
  jobId,
  userId,
  rows,
  mapping,
  locale,
  messages,
  t,
}: {
  jobId: string;
  userId: string;
  rows: ImportPreviewRow<ImportedUnit>[];
  mapping: Record<string, string>;
  locale: Locale;
  messages: Messages;
  /** the root translator, for the validation messages and unitImport's own */
  t: Translate;
}) {
  const text = messages.unitImport.preview;
  const leads = messages.leadImport.preview;
  const fields = messages.unitImport.mapping.fields as Record<string, string>;
  const columnOf = new Map(Object.entries(mapping).map(([column, field]) => [field, Number(column)]));
  const cell = (row: ImportPreviewRow<ImportedUnit>, field: string) => {
    const column = columnOf.get(field);
    return column === undefined ? "" : (row.cells[column] ?? "");
  };
  const price = (values: ImportedUnit) =>
    values.listPrice && values.priceUnit
      ? `${formatNumber(Number(values.listPrice), locale)} ${messages.units.priceUnit[values.priceUnit]}`
      : "";
  return (
    <DataTable
      id="unit-import-preview"
      userId={userId}
      label={leads.table}
      chooserLabel={leads.columns}
      columns={[
        { id: "row", label: leads.row },
        { id: "building", label: text.building },
        { id: "floor", label: text.floor },
        { id: "number", label: text.number },
        { id: "area", label: text.area, numeric: true },
        { id: "kind", label: text.kind },
        { id: "price", label: text.price },
        { id: "status", label: text.status },
        { id: "problems", label: leads.problems },
        { id: "matched", label: text.matched },
        { id: "choice", label: leads.choice },
      ]}
      rows={rows.map((row) => {
        const values = row.values;
        const repeat = repeatedRow(row.reason);
        const choices = unitRowChoices({
          hasErrors: row.errors !== null,
          matched: row.matchedUnit !== null,
          repeat: repeat !== null,
        });
        const current = row.decision ?? row.proposal;
        return {
          id: String(row.rowNumber),
          cells: {
            row: row.rowNumber,
            building: values?.building ?? cell(row, "building"),
            floor: values ? (values.floor ?? "") : cell(row, "floor"),
            number: values?.number ?? cell(row, "number"),
            area: values ? formatArea(values.area, values.areaUnit, locale, messages) : "",
            kind: values?.kind ? messages.kind[values.kind] : "",
            price: values ? price(values) : "",
            status: values?.status ? term(messages.vocabulary, "unitStatus", values.status) : cell(row, "status"),
            problems: (row.errors || repeat !== null) && (
              <ul className={styles.errors}>
                {Object.entries(row.errors ?? {}).map(([field, key]) => (
                  <li key={field}>
                    {fields[field] ?? field}：{validationMessage(t as never, key)}
                  </li>
                ))}
                {repeat !== null && <li>{t("unitImport.preview.repeat", { row: repeat })}</li>}
              </ul>
            ),
            matched:
              row.matchedUnit &&
              t("unitImport.preview.matchedUnit", {
                building: row.matchedUnit.building,
                number: row.matchedUnit.number,
                status: term(messages.vocabulary, "unitStatus", row.matchedUnit.status),
              }),
            choice: (
              <RowChoice
                key={current}
                jobId={jobId}
                kind="UNITS"
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
