"use client";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { logActivityAction } from "@/lib/activities/actions";
import { CALL_OUTCOMES, LOGGED_KINDS, logActivitySchema } from "@/lib/activities/schema";
import styles from "./lead-detail.module.css";
import { FormMessage } from "@/components/ui/form-message";

/** Logs a call, note, site visit or email on the lead's timeline. */
export function ActivityForm({ leadId }: { leadId: string }) {
  const t = useTranslations("leadPage");
  const inquiry = useTranslations("inquiry");
  // The schema turns the typed time into a Date; the server parses the typed text again itself.
  const { form, submit, status } = useActionForm({
    schema: logActivitySchema,
    defaultValues: { leadId, kind: "CALL", outcome: "", body: "", occurredAt: "" },
    action: (typed) => logActivityAction(typed),
    fields: ["kind", "outcome", "body", "occurredAt"],
    forbidden: t("forbidden"),
    onSuccess: (_answer, values) => {
      form.reset({ leadId, kind: values.kind, outcome: "", body: "", occurredAt: "" });
      return t("log.saved");
    },
  });
  const {
    register,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  const kind = watch("kind");

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-labelledby="log-heading"
      data-testid="activity-form"
    >
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
        <Field name="activity.outcome" label={t("log.outcome")} errorKey={errors.outcome?.message}>
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
      <Field name="activity.body" label={t("log.body")} hint={t("log.bodyHint")} errorKey={errors.body?.message}>
        <textarea {...inputAria("activity.body", errors.body?.message, true)} {...register("body")} />
      </Field>
      <Field
        name="activity.occurredAt"
        label={t("log.occurredAt")}
        hint={t("log.occurredAtHint")}
        errorKey={errors.occurredAt?.message}
      >
        <input
          type="datetime-local"
          {...inputAria("activity.occurredAt", errors.occurredAt?.message, true)}
          {...register("occurredAt")}
        />
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
