"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { FormMessage } from "@/components/ui/form-message";
import { decideImportRowsAction, startImportAction } from "@/lib/leads/import/actions";
import { CancelImport } from "./cancel-import";
import { useImportStep } from "./use-import-step";

/** The choices for every row at once, then the start (with the keep-the-file choice) or the cancel. */
export function PreviewActions({ jobId }: { jobId: string }) {
  const t = useTranslations("leadImport.preview");
  const { run, status, pending } = useImportStep();
  const [keepFile, setKeepFile] = useState(false);
  const forAll = (all: "CREATE" | "MERGE" | "SKIP", only: "CREATE" | "MERGE") =>
    run(() => decideImportRowsAction({ jobId, all, only }), t("changed"));
  return (
    <>
      <div role="group" aria-label={t("forAll")} className="row-actions">
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          onClick={() => forAll("CREATE", "CREATE")}
        >
          {t("createAllNew")}
        </button>
        <button type="button" className="button secondary" disabled={pending} onClick={() => forAll("MERGE", "MERGE")}>
          {t("mergeAllDuplicates")}
        </button>
        <button type="button" className="button secondary" disabled={pending} onClick={() => forAll("SKIP", "MERGE")}>
          {t("skipAllDuplicates")}
        </button>
      </div>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <div className="panel">
        <label>
          <input type="checkbox" checked={keepFile} onChange={(event) => setKeepFile(event.currentTarget.checked)} />
          {t("keepFile")}
        </label>
        <div className="row-actions">
          <button
            type="button"
            className="button"
            disabled={pending}
            onClick={() => run(() => startImportAction({ jobId, keepFile }))}
          >
            {pending ? t("starting") : t("start")}
          </button>
          <CancelImport jobId={jobId} />
        </div>
      </div>
    </>
  );
}
