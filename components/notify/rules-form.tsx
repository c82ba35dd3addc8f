"use client";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { saveNotifyRulesAction } from "@/lib/notify/admin/actions";
import { notifyRulesSchema, type NotifyRules } from "@/lib/notify/rules";
import styles from "./notify.module.css";

const FIELDS = ["reminderMinutes", "digestTime", "tasksTime", "maxAttempts"] as const;

export function NotifyRulesForm({ initial }: { initial: NotifyRules }) {
  const t = useTranslations("notifySettings");
  const words = useTranslations("notifySettings.rules");
  const { form, submit, status } = useActionForm({
    schema: notifyRulesSchema,
    defaultValues: {
      ...initial,
      reminderMinutes: String(initial.reminderMinutes),
      maxAttempts: String(initial.maxAttempts),
    },
    action: (_typed, parsed) => saveNotifyRulesAction(parsed),
    fields: FIELDS,
    forbidden: t("forbidden"),
    onSuccess: (answer) => (answer.changed ? t("saved") : t("unchanged")),
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form className={`panel ${styles.form}`} onSubmit={submit} noValidate>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <p className="hint">{words("hint")}</p>
      <div className={styles.grid}>
        {FIELDS.map((field) => (
          <Field
            key={field}
            name={field}
            label={words(field)}
            hint={field === "maxAttempts" ? words("maxAttemptsHint") : undefined}
            errorKey={errors[field]?.message}
          >
            <input
              type="text"
              inputMode="numeric"
              {...inputAria(field, errors[field]?.message, field === "maxAttempts")}
              {...register(field)}
            />
          </Field>
        ))}
      </div>
      <div className={styles.buttons}>
        <button className="button" type="submit" disabled={isSubmitting}>
          {words("save")}
        </button>
      </div>
    </form>
  );
}
