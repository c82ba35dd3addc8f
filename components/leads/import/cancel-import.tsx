"use client";
import { useTranslations } from "use-intl";
import { cancelImportAction } from "@/lib/leads/import/actions";
import { ConfirmedStep } from "./confirmed-step";

/** Drops an import before anything is written, after a confirmation. */
export function CancelImport({ jobId }: { jobId: string }) {
  const t = useTranslations("leadImport.page");
  return (
    <ConfirmedStep
      label={t("cancel")}
      title={t("cancel")}
      description={t("cancelConfirm")}
      confirm={t("cancel")}
      keep={t("cancelKeep")}
      tone="secondary"
      action={() => cancelImportAction({ jobId })}
    />
  );
}
