"use client";
import { useRouter } from "next/navigation";
import type { Resolver } from "react-hook-form";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/ui/form-message";
import { fieldIds, inputAria } from "@/components/ui/field";
import {
  REQUIRED_UNIT_IMPORT_FIELDS,
  UNIT_IMPORT_FIELDS,
  unitImportMappingSchema,
} from "@/lib/inventory/import/schema";
import { importMappingSchema, REQUIRED_IMPORT_FIELDS, type ImportKind } from "@/lib/leads/import/schema";
import { IMPORT_FIELDS } from "@/lib/leads/import/types";
import { CancelImport } from "./cancel-import";
import { IMPORT_STEPS } from "./import-steps";
import { columnLetter, columnsOfMapping, mappingOfColumns } from "./mapping-values";
import styles from "./import.module.css";
import { useImportMessage } from "./use-import-message";

type Values = { columns: string[] };

/** Each kind's fields, the ones it requires, and the schema its mapping is checked with. */
const KINDS = {
  LEADS: { fields: IMPORT_FIELDS, required: REQUIRED_IMPORT_FIELDS, schema: importMappingSchema },
  UNITS: { fields: UNIT_IMPORT_FIELDS, required: REQUIRED_UNIT_IMPORT_FIELDS, schema: unitImportMappingSchema },
} as const;

/**
 * Checks the form with the action's own schema (importMappingSchema: column index → field). The
 * form keeps the columns as a list, which react-hook-form handles natively; a column's error is
 * put on that column's select, the form's ("company, contact and phone need a column") above them.
 */
const resolverOf =
  (kind: ImportKind): Resolver<Values, unknown, Values> =>
  async (values) => {
    const parsed = KINDS[kind].schema.safeParse(mappingOfColumns(values.columns));
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    const columns: Record<number, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const column = issue.path[0];
      if (column === undefined) errors.root = { type: "schema", message: issue.message };
      else columns[Number(column)] ??= { type: "schema", message: issue.message };
    }
    if (Object.keys(columns).length > 0) errors.columns = columns;
    return { values: {}, errors: errors as never };
  };

export function MappingForm({
  jobId,
  headers,
  samples,
  mapping,
  kind = "LEADS",
}: {
  jobId: string;
  kind?: ImportKind;
  headers: string[];
  /** the first data rows' cells, to show what each column holds */
  samples: string[][];
  mapping: Record<string, string>;
}) {
  const t = useTranslations("leadImport");
  const units = useTranslations("unitImport.mapping");
  const say = useImportMessage();
  const router = useRouter();
  const { form, submit, status } = useActionForm<
    Values,
    Values,
    Awaited<ReturnType<typeof IMPORT_STEPS.LEADS.confirmMapping>>
  >({
    resolver: resolverOf(kind),
    defaultValues: { columns: columnsOfMapping(headers.length, mapping) },
    action: (typed) => IMPORT_STEPS[kind].confirmMapping({ jobId, mapping: mappingOfColumns(typed.columns) }),
    fields: ["columns"],
    forbidden: t("page.forbidden"),
    fieldErrorStatus: (errors) => {
      const first = errors.other[0];
      return first && { ok: false, text: say(first[1]) };
    },
    onInvalid: () => t("mapping.invalid"),
    onSuccess: () => {
      router.refresh();
      return undefined;
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const required = new Set<string>(KINDS[kind].required);
  const label = (field: string) =>
    kind === "UNITS" ? units(`fields.${field}` as never) : t(`mapping.fields.${field}` as never);
  const fieldName = (field: string) => `${label(field)}${required.has(field) ? " *" : ""}`;
  return (
    <form onSubmit={submit} noValidate data-testid="import-mapping">
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      {errors.root?.message && (
        <p className="field-error" role="alert">
          {say(errors.root.message)}
        </p>
      )}
      <div className={styles.scroll} role="region" aria-label={t("mapping.label")} tabIndex={0}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t("mapping.column")}</th>
              <th scope="col">{t("mapping.header")}</th>
              <th scope="col">{t("mapping.samples")}</th>
              <th scope="col">{t("mapping.field")}</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((header, index) => {
              const name = `import-column-${index}`;
              const error = errors.columns?.[index]?.message;
              return (
                <tr key={index}>
                  <td>{columnLetter(index)}</td>
                  <th scope="row">{header}</th>
                  <td>
                    <ul className={styles.samples}>
                      {samples.map((row, rowIndex) => (
                        <li key={rowIndex}>{row[index] ?? ""}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <label htmlFor={fieldIds(name).input} className="visually-hidden">
                      {t("mapping.selectLabel", { header: header || columnLetter(index) })}
                    </label>
                    <select {...inputAria(name, error)} {...register(`columns.${index}`)}>
                      <option value="">{t("mapping.ignore")}</option>
                      {KINDS[kind].fields.map((field) => (
                        <option key={field} value={field}>
                          {fieldName(field)}
                        </option>
                      ))}
                    </select>
                    {error && (
                      <p className="field-error" id={fieldIds(name).error} role="alert">
                        {say(error)}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint">* {t("mapping.required")}</p>
      <div className="row-actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? t("mapping.sending") : t("mapping.submit")}
        </button>
        <CancelImport jobId={jobId} kind={kind} />
      </div>
    </form>
  );
}
