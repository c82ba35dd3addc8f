"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { useActionForm, type FormStatus as Status } from "@/components/forms/use-action-form";
import { FormStatus } from "@/components/listings-admin/form-fields";
import { Dialog } from "@/components/ui/dialog";
import { saveFundingPlanAction } from "@/lib/projects/funding/actions";
import { fundingPlanSchema, MAX_PLAN_ROWS, type FundingPlanInput } from "@/lib/projects/funding/schema";
import { ActualsField } from "./actuals-field";
import styles from "./actuals.module.css";

interface Plan {
  projectId: string;
  version: number;
  rows: { dueOn: string; amount: string }[];
}

/** The 到资 schedule's edit button and dialog: the instalments as rows to add, change and remove, saved at once. */
export function FundingPlanEditor(plan: Plan) {
  const t = useTranslations("projectActuals.funding.plan");
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<Status>();
  return (
    <div>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={t("edit")}
        description={t("hint")}
        size="lg"
        trigger={
          <button type="button" className="button secondary" onClick={() => setMessage(undefined)}>
            {t("edit")}
          </button>
        }
      >
        <PlanForm
          {...plan}
          onDone={(text) => {
            setOpen(false);
            setMessage({ ok: true, text });
          }}
        />
      </Dialog>
      <FormStatus status={message} />
    </div>
  );
}

function PlanForm({ projectId, version, rows, onDone }: Plan & { onDone: (text: string) => void }) {
  const t = useTranslations("projectActuals");
  const router = useRouter();
  const { form, submit, status } = useActionForm({
    schema: fundingPlanSchema,
    defaultValues: { projectId, version, rows } satisfies FundingPlanInput,
    action: (typed) => saveFundingPlanAction(typed),
    fields: ["rows"],
    forbidden: t("forbidden"),
    failed: t("failed"),
    fieldErrorStatus: ({ other }, translate) => {
      if (other.some(([, key]) => key === "versionChanged")) return { ok: false, text: t("funding.plan.stale") };
      return other.length > 0 ? { ok: false, text: translate(other[0][1]) } : undefined;
    },
    onSuccess: (answer) => {
      router.refresh();
      onDone(answer.changed ? t("funding.plan.saved") : t("funding.plan.unchanged"));
      return undefined;
    },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "rows" });
  const listError = form.formState.errors.rows?.message ?? form.formState.errors.rows?.root?.message;
  return (
    <form onSubmit={submit} noValidate data-testid="funding-plan-form">
      <FormStatus status={status} />
      <div className={styles.planRows}>
        {fields.map((field, index) => (
          <div key={field.id} className={styles.planRow}>
            <span>{t("funding.plan.instalmentNumber", { n: index + 1 })}</span>
            <ActualsField
              form={form}
              prefix="actuals-plan"
              name={`rows.${index}.dueOn`}
              label={t("funding.plan.dueOn")}
              type="date"
            />
            <ActualsField
              form={form}
              prefix="actuals-plan"
              name={`rows.${index}.amount`}
              label={t("funding.plan.amount")}
              inputMode="decimal"
            />
            <button
              type="button"
              className="link-button"
              aria-label={t("funding.plan.removeRow", { n: index + 1 })}
              onClick={() => remove(index)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
      <FieldError id="field-actuals-plan-rows-error" messageKey={listError} />
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          disabled={fields.length >= MAX_PLAN_ROWS}
          onClick={() => append({ dueOn: "", amount: "" })}
        >
          {t("funding.plan.addRow")}
        </button>
        <button className="button" type="submit" disabled={form.formState.isSubmitting}>
          {t("funding.plan.save")}
        </button>
      </div>
    </form>
  );
}
