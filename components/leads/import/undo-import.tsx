"use client";
import { useTranslations } from "use-intl";
import type { ImportKind } from "@/lib/leads/import/schema";
import { ConfirmedStep } from "./confirmed-step";
import { IMPORT_STEPS } from "./import-steps";

/** Undoes a finished import as a whole, after a confirmation that says what it does. */
export function UndoImport({ jobId, created, kind = "LEADS" }: { jobId: string; created: number; kind?: ImportKind }) {
  const t = useTranslations("leadImport.summary");
  const units = useTranslations("unitImport.summary");
  return (
    <ConfirmedStep
      label={t("undo")}
      title={t("undoTitle")}
      description={kind === "UNITS" ? units("undoBody") : t("undoBody", { created })}
      confirm={t("undoConfirm")}
      keep={t("undoKeep")}
      tone="danger"
      action={() => IMPORT_STEPS[kind].undo({ jobId })}
    />
  );
}
