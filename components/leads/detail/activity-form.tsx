"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { logActivityAction } from "@/lib/activities/actions";
import { CALL_OUTCOMES, LOGGED_KINDS, logActivitySchema, type LogActivity, type LogActivityInput } from "@/lib/activities/schema";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import styles from "./lead-detail.module.css";
import { showServerErrors } from "@/components/ui/server-errors";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

/** Logs a call, note, site visit or email on the lead's timeline. */
export function ActivityForm({ leadId }: { leadId: string }) {
  const t = useTranslations("leadPage");
  const inquiry = useTranslations("inquiry");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const tv = (key?: string) => (key ? validation(key) : undefined);
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    reset,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<LogActivityInput, unknown, LogActivity>({
    resolver: zodResolver(logActivitySchema),
    defaultValues: { leadId, kind: "CALL", outcome: "", body: "", occurredAt: "" },
  });
  const kind = watch("kind");

  // The schema turns the typed time into a Date; the server parses the typed text again itself.
  const onSubmit = handleSubmit(async () => {
    setStatus(undefined);
    const values = getValues();
    const answer = await logActivityAction(values);
    if (answer.ok) {
      setStatus({ ok: true, text: t("log.saved") });
      reset({ leadId, kind: values.kind, outcome: "", body: "", occurredAt: "" });
    } else if ("error" in answer) {
      setStatus({ ok: false, text: refusal(answer, t("forbidden")) });
    } else {
      showServerErrors(setError, answer.fieldErrors);
      if (answer.fieldErrors.leadId) setStatus({ ok: false, text: tv(answer.fieldErrors.leadId)! });
    }
  });

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="log-heading" data-testid="activity-form">
      <h3 id="log-heading">{t("log.title")}</h3>
      <fieldset className="field">
        <legend>{t("log.kind")}</legend>
        <div className="choice-group">
          {LOGGED_KINDS.map((option) => (
            <label key={option} className="choice">
              <input type="radio" value={option} {...register("kind")} />
              {t(`timeline.kinds.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "CALL" && (
        <Field name="activity.outcome" label={t("log.outcome")} error={tv(errors.outcome?.message)}>
          <select {...inputAria("activity.outcome", errors.outcome?.message)} {...register("outcome")}>
            <option value="">{inquiry("choose")}</option>
            {CALL_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`outcomes.${outcome}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field name="activity.body" label={t("log.body")} hint={t("log.bodyHint")} error={tv(errors.body?.message)}>
        <textarea {...inputAria("activity.body", errors.body?.message, true)} {...register("body")} />
      </Field>
      <Field name="activity.occurredAt" label={t("log.occurredAt")} hint={t("log.occurredAtHint")} error={tv(errors.occurredAt?.message)}>
        <input type="datetime-local" {...inputAria("activity.occurredAt", errors.occurredAt?.message, true)} {...register("occurredAt")} />
      </Field>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <button className="button" type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("log.saving") : t("log.submit")}
      </button>
    </form>
  );
}
