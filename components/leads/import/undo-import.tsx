"use client";
import { useTranslations } from "use-intl";
import { undoImportAction } from "@/lib/leads/import/actions";
import { ConfirmedStep } from "./confirmed-step";

/** Undoes a finished import as a whole, after a confirmation that says what it does. */
export function UndoImport({ jobId, created }: { jobId: string; created: number }) {
  const t = useTranslations("leadImport.summary");
  return (
    <ConfirmedStep
      label={t("undo")}
      title={t("undoTitle")}
      description={t("undoBody", { created })}
      confirm={t("undoConfirm")}
      keep={t("undoKeep")}
      tone="danger"
      action={() => undoImportAction({ jobId })}
    />
  );
}
