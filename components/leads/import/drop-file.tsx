"use client";
import { useTranslations } from "use-intl";
import { FormMessage } from "@/components/ui/form-message";
import type { ImportKind } from "@/lib/leads/import/schema";
import { IMPORT_STEPS } from "./import-steps";
import { useImportStep } from "./use-import-step";

/** Deletes an uploaded file the admin chose to keep after its import. */
export function DropImportFile({ jobId, kind = "LEADS" }: { jobId: string; kind?: ImportKind }) {
  const t = useTranslations("leadImport.summary");
  const { run, status, pending } = useImportStep();
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        onClick={() => run(() => IMPORT_STEPS[kind].dropFile({ jobId }), t("fileDropped"))}
      >
        {t("dropFile")}
      </button>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status} as="span">
        {status?.text}
      </FormMessage>
    </>
  );
}
