"use client";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionAnswer } from "@/components/forms/use-action-form";
import { useImportStep } from "./use-import-step";

/** An import step that cannot be taken back (cancel, undo): a button opening a dialog that says what it does. */
export function ConfirmedStep({
  label,
  title,
  description,
  confirm,
  keep,
  tone,
  action,
}: {
  label: string;
  title: string;
  description: string;
  confirm: string;
  keep: string;
  /** how the opening button looks: undoing is the page's main danger, cancelling a way out */
  tone: "danger" | "secondary";
  action: () => Promise<ActionAnswer>;
}) {
  const { run, status, pending } = useImportStep();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => !pending && setOpen(next)}
        title={title}
        description={description}
        trigger={
          <button type="button" className={`button ${tone}`}>
            {label}
          </button>
        }
      >
        <div className="row-actions">
          <button
            type="button"
            className="button danger"
            disabled={pending}
            onClick={async () => {
              await run(action);
              setOpen(false);
            }}
          >
            {confirm}
          </button>
          <button type="button" className="button secondary" disabled={pending} onClick={() => setOpen(false)}>
            {keep}
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
