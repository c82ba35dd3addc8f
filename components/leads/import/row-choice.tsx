"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { FormMessage } from "@/components/ui/form-message";
import type { ImportKind } from "@/lib/leads/import/schema";
import { IMPORT_STEPS } from "./import-steps";
import type { RowChoice as Choice } from "./row-choices";
import { useImportStep } from "./use-import-step";

/** A preview row's choice: saved as soon as it changes; a row with one possible choice just says it. */
export function RowChoice({
  jobId,
  rowNumber,
  choices,
  current,
  kind = "LEADS",
}: {
  jobId: string;
  kind?: ImportKind;
  rowNumber: number;
  choices: Choice[];
  current: Choice;
}) {
  const t = useTranslations("leadImport.preview");
  const { run, status, pending } = useImportStep();
  // The select shows the choice at once; a refusal puts back what is saved.
  const [chosen, setChosen] = useState(current);
  if (choices.length === 1) return <span>{t(`actions.${choices[0]}`)}</span>;
  return (
    <>
      <select
        aria-label={t("choiceLabel", { row: rowNumber })}
        value={chosen}
        disabled={pending}
        onChange={async (event) => {
          const decision = event.currentTarget.value as Choice;
          setChosen(decision);
          if (!(await run(() => IMPORT_STEPS[kind].decide({ jobId, rows: [{ rowNumber, decision }] })))) {
            setChosen(current);
          }
        }}
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
