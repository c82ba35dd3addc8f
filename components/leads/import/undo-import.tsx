"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { undoImportAction } from "@/lib/leads/import/actions";
import { useImportStep } from "./use-import-step";

/** Undoes a finished import as a whole, after a confirmation that says what it does. */
export function UndoImport({ jobId, created }: { jobId: string; created: number }) {
  const t = useTranslations("leadImport.summary");
  const { run, status, pending } = useImportStep();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => !pending && setOpen(next)}
        title={t("undoTitle")}
        description={t("undoBody", { created })}
        trigger={
          <button type="button" className="button danger">
            {t("undo")}
          </button>
        }
      >
        <div className="row-actions">
          <button
            type="button"
            className="button danger"
            disabled={pending}
            onClick={async () => {
              await run(() => undoImportAction({ jobId }));
              setOpen(false);
            }}
          >
            {t("undoConfirm")}
          </button>
          <button type="button" className="button secondary" disabled={pending} onClick={() => setOpen(false)}>
            {t("undoKeep")}
          </button>
        </div>
      </Dialog>
      {status && !status.ok && (
        <FormMessage tone="error" answer={status}>
          {status.text}
        </FormMessage>
      )}
    </>
  );
}
