"use client";
import { useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { STAFF_EMAIL_TOPICS, type StaffEmailTopic } from "@/lib/notify/topics";
import { saveOwnPreferencesAction } from "@/lib/users/preferences/actions";
import { preferencesSchema } from "@/lib/users/preferences/schema";

/** The user's own work phone and email topics; `topics` are the ones offered to their role. */
export function PreferencesForm({
  workPhone,
  emailMuted,
  topics,
}: {
  workPhone: string | null;
  emailMuted: string[];
  topics: readonly StaffEmailTopic[];
}) {
  const t = useTranslations("account");
  const { form, submit, status } = useActionForm({
    schema: preferencesSchema,
    defaultValues: {
      workPhone: workPhone ?? "",
      emailTopics: STAFF_EMAIL_TOPICS.filter((topic) => !emailMuted.includes(topic)),
    },
    action: (_typed, parsed) => saveOwnPreferencesAction(parsed),
    fields: ["workPhone", "emailTopics"],
    forbidden: t("forbidden"),
    onSuccess: (answer) => (answer.changed ? t("saved") : t("unchanged")),
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const topicsError = errors.emailTopics?.message ?? errors.emailTopics?.root?.message;

  return (
    <form className="panel form-section" onSubmit={submit} noValidate>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <Field name="workPhone" label={t("workPhone")} hint={t("workPhoneHint")} errorKey={errors.workPhone?.message}>
        <input
          type="tel"
          autoComplete="tel"
          placeholder="0571-88886666"
          {...inputAria("workPhone", errors.workPhone?.message, true)}
          {...register("workPhone")}
        />
      </Field>
      <fieldset className="field" aria-describedby={topicsError ? "field-emailTopics-error" : "email-topics-hint"}>
        <legend>{t("email")}</legend>
        <span className="hint" id="email-topics-hint">
          {t("emailHint")}
        </span>
        {topics.map((topic) => (
          <label key={topic} className="choice">
            <input type="checkbox" value={topic} {...register("emailTopics")} />
            {t(`topics.${topic}`)}
          </label>
        ))}
        <FieldError id="field-emailTopics-error" messageKey={topicsError} />
      </fieldset>
      <div>
        <button className="button" type="submit" disabled={isSubmitting}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
