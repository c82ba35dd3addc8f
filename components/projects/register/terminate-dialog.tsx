"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { FormStatus, TextAreaField } from "@/components/listings-admin/form-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import { terminateProjectAction } from "@/lib/projects/register/actions";
import { terminationSchema } from "@/lib/projects/register/schema";

/** 解约 for managers: the reason is required; the lead's signed units go back to vacant in the same step. */
export function TerminateDialog({ projectId, version, name }: { projectId: string; version: number; name: string }) {
  const t = useTranslations("projects.terminate");
  const required = useTranslations("inquiry")("required");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  // The button opens the dialog by script: until the page's scripts run it would do nothing.
  const hydrated = useHydrated();
  const [done, setDone] = useState<string>();
  const { form, submit, status } = useActionForm({
    schema: terminationSchema,
    defaultValues: { projectId, version: String(version), reason: "" },
    action: (typed) => terminateProjectAction(typed),
    fields: ["reason"],
    forbidden: t("forbidden"),
    onSuccess: (answer): undefined => {
      setDone(t("done", { count: "releasedUnits" in answer ? answer.releasedUnits : 0 }));
      setOpen(false);
      router.refresh();
      return undefined;
    },
  });
  // The page re-rendered after another change to the project (a milestone, the owner): its version is the one to send.
  useEffect(() => form.setValue("version", String(version)), [form, version]);
  return (
    <>
      {done && (
        <p className="form-ok" role="status">
          {done}
        </p>
      )}
      <Dialog
        open={open}
        onOpenChange={(next) => !form.formState.isSubmitting && setOpen(next)}
        title={t("title", { name })}
        description={t("description")}
        trigger={
          <button type="button" className="button danger" disabled={!hydrated}>
            {t("open")}
          </button>
        }
      >
        <form onSubmit={submit} noValidate data-testid="terminate-form">
          <FormStatus status={status} />
          <TextAreaField form={form} name="reason" label={t("reason")} hint={t("reasonHint")} required={required} />
          <div className="actions">
            <button className="button danger" type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t("working") : t("confirm")}
            </button>
            <button type="button" className="button secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
