"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { cancelImportAction } from "@/lib/leads/import/actions";
import { useImportStep } from "./use-import-step";

/** Drops an import before anything is written, after a confirmation. */
export function CancelImport({ jobId }: { jobId: string }) {
  const t = useTranslations("leadImport.page");
  const { run, status, pending } = useImportStep();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => !pending && setOpen(next)}
        title={t("cancel")}
        description={t("cancelConfirm")}
        trigger={
          <button type="button" className="button secondary">
            {t("cancel")}
          </button>
        }
      >
        <div className="row-actions">
          <button
            type="button"
            className="button danger"
            disabled={pending}
            onClick={async () => {
              await run(() => cancelImportAction({ jobId }));
              setOpen(false);
            }}
          >
            {t("cancel")}
          </button>
          <button type="button" className="button secondary" disabled={pending} onClick={() => setOpen(false)}>
            {t("cancelKeep")}
          </button>
        </div>
      </Dialog>
      {status && !status.ok && (
        <FormMessage tone="error" answer={status} as="span">
          {status.text}
        </FormMessage>
      )}
    </>
  );
}
