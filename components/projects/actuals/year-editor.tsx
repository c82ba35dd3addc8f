"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useActionForm, type FormStatus as Status } from "@/components/forms/use-action-form";
import { FormStatus } from "@/components/listings-admin/form-fields";
import { Dialog } from "@/components/ui/dialog";
import { saveProjectYearAction } from "@/lib/projects/years/actions";
import { projectYearSchema, type ProjectYearInput } from "@/lib/projects/years/schema";
import { ActualsField } from "./actuals-field";

interface YearValues {
  projectId: string;
  year: number;
  output: string;
  tax: string;
  jobs: string;
}

/** One year's "record" button and dialog: output, tax and jobs, each left blank when not known. */
export function YearEditor(values: YearValues) {
  const t = useTranslations("projectActuals.years");
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<Status>();
  return (
    <>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={t("editTitle", { year: values.year })}
        description={t("blankHint")}
        trigger={
          <button
            type="button"
            className="link-button"
            aria-label={t("editLabel", { year: values.year })}
            onClick={() => setMessage(undefined)}
          >
            {t("edit")}
          </button>
        }
      >
        <YearForm
          {...values}
          onDone={(text) => {
            setOpen(false);
            setMessage({ ok: true, text });
          }}
        />
      </Dialog>
      <FormStatus status={message} />
    </>
  );
}

function YearForm({ onDone, ...values }: YearValues & { onDone: (text: string) => void }) {
  const t = useTranslations("projectActuals");
  const router = useRouter();
  const { form, submit, status } = useActionForm({
    schema: projectYearSchema,
    defaultValues: values satisfies ProjectYearInput,
    action: (typed) => saveProjectYearAction(typed),
    fields: ["output", "tax", "jobs"],
    forbidden: t("forbidden"),
    failed: t("failed"),
    onSuccess: (answer) => {
      router.refresh();
      onDone(answer.changed ? t("years.saved", { year: values.year }) : t("years.unchanged"));
      return undefined;
    },
  });
  return (
    <form onSubmit={submit} noValidate data-testid="project-year-form">
      <FormStatus status={status} />
      <div className="form-row three">
        <ActualsField form={form} prefix="actuals-year" name="output" label={t("years.output")} inputMode="decimal" />
        <ActualsField form={form} prefix="actuals-year" name="tax" label={t("years.tax")} inputMode="decimal" />
        <ActualsField form={form} prefix="actuals-year" name="jobs" label={t("years.jobs")} inputMode="numeric" />
      </div>
      <div className="actions">
        <button className="button" type="submit" disabled={form.formState.isSubmitting}>
          {t("years.save")}
        </button>
      </div>
    </form>
  );
}
