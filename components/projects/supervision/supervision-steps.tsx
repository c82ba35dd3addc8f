"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useActionForm, useFormStatus, type SharedStatus } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import {
  answerSupervisionAction,
  closeSupervisionAction,
  instructSupervisionAction,
  reopenSupervisionAction,
} from "@/lib/projects/supervision/actions";
import type { SupervisionRights } from "@/lib/projects/supervision/queries";
import { BODY_MAX, closeSupervisionSchema, supervisionEntrySchema } from "@/lib/projects/supervision/schema";
import styles from "./supervision.module.css";

type Step = keyof SupervisionRights;
const STEPS: readonly Step[] = ["answer", "instruct", "reopen", "close"];
const ACTIONS = {
  answer: answerSupervisionAction,
  instruct: instructSupervisionAction,
  reopen: reopenSupervisionAction,
  close: closeSupervisionAction,
} as const;

interface ItemRef {
  id: string;
  version: number;
  title: string;
}

/**
 * The steps the viewer may take on one item — 答复 (the assignee), 批示, 退回 and 办结 (managers) — each opening
 * its own small form. The outcome stays shown after the form closes and the page refreshes with the new entry.
 */
export function SupervisionSteps({ item, can }: { item: ItemRef; can: SupervisionRights }) {
  const t = useTranslations("supervision.steps");
  const [step, setStep] = useState<Step | null>(null);
  const shared = useFormStatus();
  // The buttons open forms the page's scripts render: until they run, a press would do nothing.
  const hydrated = useHydrated();
  const allowed = STEPS.filter((name) => can[name]);
  if (allowed.length === 0) return null;
  return (
    <div className={styles.steps} role="group" aria-label={t("label", { title: item.title })}>
      <div className="row-actions">
        {allowed.map((name) => (
          <button
            key={name}
            type="button"
            className={step === name ? "button" : "button secondary"}
            aria-expanded={step === name}
            aria-controls={`step-${item.id}`}
            data-step={name}
            disabled={!hydrated}
            onClick={() => {
              shared.setStatus(undefined);
              setStep(step === name ? null : name);
            }}
          >
            {t(name)}
          </button>
        ))}
      </div>
      <div id={`step-${item.id}`}>
        {step && (
          <StepForm
            key={`${step}-${item.version}`}
            step={step}
            item={item}
            shared={shared}
            onDone={() => setStep(null)}
          />
        )}
      </div>
      <FormMessage tone={shared.status?.ok ? "ok" : "error"} answer={shared.status}>
        {shared.status?.text}
      </FormMessage>
    </div>
  );
}

function StepForm({
  step,
  item,
  shared,
  onDone,
}: {
  step: Step;
  item: ItemRef;
  shared: SharedStatus;
  onDone: () => void;
}) {
  const t = useTranslations("supervision");
  const { form, submit } = useActionForm({
    schema: step === "close" ? closeSupervisionSchema : supervisionEntrySchema,
    defaultValues: { supervisionId: item.id, version: item.version, body: "" },
    action: (typed) => ACTIONS[step](typed),
    fields: ["body"],
    forbidden: t("forbidden"),
    failed: t("failed"),
    shared,
    onSuccess: () => {
      onDone();
      return t(`steps.done.${step}`);
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const name = `supervision-${item.id}.body`;
  return (
    <form className={styles.stepForm} onSubmit={submit} noValidate data-testid={`step-${step}`}>
      <Field name={name} label={t(`steps.body.${step}`)} errorKey={errors.body?.message}>
        <textarea rows={3} maxLength={BODY_MAX} {...inputAria(name, errors.body?.message)} {...register("body")} />
      </Field>
      <div className="row-actions">
        <button className="button" type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("steps.saving") : t(`steps.submit.${step}`)}
        </button>
        <button className="button secondary" type="button" disabled={isSubmitting} onClick={onDone}>
          {t("steps.cancel")}
        </button>
      </div>
    </form>
  );
}
