"use client";
import { useTranslations } from "use-intl";
import { FormMessage } from "@/components/ui/form-message";
import { decideImportRowsAction } from "@/lib/leads/import/actions";
import type { RowChoice as Choice } from "./row-choices";
import { useImportStep } from "./use-import-step";

/** A preview row's choice: saved as soon as it changes; a row with one possible choice just says it. */
export function RowChoice({
  jobId,
  rowNumber,
  choices,
  current,
}: {
  jobId: string;
  rowNumber: number;
  choices: Choice[];
  current: Choice;
}) {
  const t = useTranslations("leadImport.preview");
  const { run, status, pending } = useImportStep();
  if (choices.length === 1) return <span>{t(`actions.${choices[0]}`)}</span>;
  return (
    <>
      <select
        aria-label={t("choiceLabel", { row: rowNumber })}
        value={current}
        disabled={pending}
        onChange={(event) =>
          run(() =>
            decideImportRowsAction({ jobId, rows: [{ rowNumber, decision: event.currentTarget.value as Choice }] }),
          )
        }
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {t(`actions.${choice}`)}
          </option>
        ))}
      </select>
      {status && !status.ok && (
        <FormMessage tone="error" answer={status} as="span">
          {status.text}
        </FormMessage>
      )}
    </>
  );
}
