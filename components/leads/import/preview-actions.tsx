"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { FormMessage } from "@/components/ui/form-message";
import type { ImportKind } from "@/lib/leads/import/schema";
import { CancelImport } from "./cancel-import";
import { IMPORT_STEPS } from "./import-steps";
import { useImportStep } from "./use-import-step";

/** The choices for every row at once, then the start (with the keep-the-file choice) or the cancel. */
export function PreviewActions({ jobId, kind = "LEADS" }: { jobId: string; kind?: ImportKind }) {
  const steps = IMPORT_STEPS[kind];
  const t = useTranslations("leadImport.preview");
  const { run, status, pending } = useImportStep();
  const [keepFile, setKeepFile] = useState(false);
  const forAll = (all: "CREATE" | "MERGE" | "SKIP", only: "CREATE" | "MERGE") =>
    run(() => steps.decide({ jobId, all, only }), t("changed"));
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
            onClick={() => run(() => steps.start({ jobId, keepFile }))}
          >
            {pending ? t("starting") : t("start")}
          </button>
          <CancelImport jobId={jobId} kind={kind} />
        </div>
      </div>
    </>
  );
}
