"use client";
import { useTranslations } from "use-intl";
import type { ImportKind } from "@/lib/leads/import/schema";
import { ConfirmedStep } from "./confirmed-step";
import { IMPORT_STEPS } from "./import-steps";

/** Drops an import before anything is written, after a confirmation. */
export function CancelImport({ jobId, kind = "LEADS" }: { jobId: string; kind?: ImportKind }) {
  const t = useTranslations("leadImport.page");
  const units = useTranslations("unitImport");
  return (
    <ConfirmedStep
      label={t("cancel")}
      title={t("cancel")}
      description={kind === "UNITS" ? units("cancelConfirm") : t("cancelConfirm")}
      confirm={t("cancel")}
      keep={t("cancelKeep")}
      tone="secondary"
      action={() => IMPORT_STEPS[kind].cancel({ jobId })}
    />
  );
}
