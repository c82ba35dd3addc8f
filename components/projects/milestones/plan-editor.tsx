"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { FormStatus, TextAreaField, TextField } from "@/components/listings-admin/form-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { setPlanAction } from "@/lib/projects/milestones/actions";
import { planSchema } from "@/lib/projects/milestones/schema";
import type { MilestoneKind } from "@/lib/projects/types";
import styles from "./milestones.module.css";

export interface PlannedMilestone {
  kind: MilestoneKind;
  label: string;
  plannedOn: string | null;
}

/**
 * The six planned days in one form (what an officer types in from the contract after the signing). A day
 * already planned that is moved or cleared is a re-plan: the reason field says so and the server insists.
 */
export function PlanEditor({
  projectId,
  version,
  milestones,
}: {
  projectId: string;
  version: number;
  milestones: PlannedMilestone[];
}) {
  const t = useTranslations("projectMilestones");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string>();
  const plans = Object.fromEntries(milestones.map((milestone) => [milestone.kind, milestone.plannedOn ?? ""]));
  const { form, submit, status } = useActionForm({
    schema: planSchema,
    defaultValues: { projectId, version: String(version), plans, reason: "" },
    action: (typed) => setPlanAction({ ...typed, version: String(version) }),
    fields: ["plans", "reason"],
    forbidden: t("forbidden"),
    onSuccess: (answer): undefined => {
      setDone(answer.changed ? t("plan.saved") : t("plan.unchanged"));
      setOpen(false);
      router.refresh();
      return undefined;
    },
  });
  return (
    <>
      {done && (
        <p className="form-ok" role="status">
          {done}
        </p>
      )}
      <Dialog
        open={open}
        onOpenChange={(next) => {
          if (form.formState.isSubmitting) return;
          if (next) form.reset({ projectId, version: String(version), plans, reason: "" });
          setOpen(next);
        }}
        title={t("plan.title")}
        description={t("plan.help")}
        size="lg"
        trigger={
          <button type="button" className="button secondary" data-testid="plan-open">
            {t("plan.edit")}
          </button>
        }
      >
        <form onSubmit={submit} noValidate data-testid="plan-form">
          <FormStatus status={status} />
          <div className={styles.planGrid}>
            {milestones.map((milestone) => (
              <TextField
                key={milestone.kind}
                form={form}
                name={`plans.${milestone.kind}`}
                label={milestone.label}
                type="date"
              />
            ))}
          </div>
          <TextAreaField form={form} name="reason" label={t("plan.reason")} hint={t("plan.reasonHelp")} rows={2} />
          <div className="actions">
            <button className="button" type="submit" disabled={form.formState.isSubmitting}>
              {t("plan.save")}
            </button>
            <button type="button" className="button secondary" onClick={() => setOpen(false)}>
              {t("plan.cancel")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
