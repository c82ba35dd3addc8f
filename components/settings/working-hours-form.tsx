"use client";
import { useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { Field, inputAria } from "@/components/ui/field";
import { updateWorkingHoursSettingsAction } from "@/lib/settings/actions";
import { WEEKDAYS, workingHoursSettingsSchema, type WorkingHoursSettings } from "@/lib/settings/schema";
import styles from "./settings.module.css";
import { useSettingsForm } from "./use-settings-form";
import { FormMessage } from "@/components/ui/form-message";

export function WorkingHoursForm({ initial }: { initial: WorkingHoursSettings }) {
  const t = useTranslations("rules.workingHours");
  const tr = useTranslations("rules");
  const { form, submit, status } = useSettingsForm({
    schema: workingHoursSettingsSchema,
    defaultValues: {
      ...initial,
      days: initial.days.map(String),
      firstResponseHours: String(initial.firstResponseHours),
      holidays: initial.holidays.join("\n"),
      workdays: initial.workdays.join("\n"),
    },
    action: (_typed, parsed) => updateWorkingHoursSettingsAction(parsed),
    fields: ["days", "start", "end", "firstResponseHours", "holidays", "workdays"],
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const daysError = errors.days?.message ?? errors.days?.root?.message;

  return (
    <form className="panel form-section" onSubmit={submit} noValidate>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <p className="hint">{t("hint")}</p>
      <fieldset className="field" aria-describedby={daysError ? "field-days-error" : undefined}>
        <legend>{t("days")}</legend>
        <div className={styles.days}>
          {WEEKDAYS.map((day) => (
            <label key={day} className="choice">
              <input type="checkbox" value={String(day)} {...register("days")} />
              {t(`weekdays.${day}`)}
            </label>
          ))}
        </div>
        <FieldError id="field-days-error" messageKey={daysError} />
      </fieldset>
      <div className={styles.times}>
        <Field name="start" label={t("start")} errorKey={errors.start?.message}>
          <input
            type="text"
            inputMode="numeric"
            placeholder="09:00"
            {...inputAria("start", errors.start?.message)}
            {...register("start")}
          />
        </Field>
        <Field name="end" label={t("end")} errorKey={errors.end?.message}>
          <input
            type="text"
            inputMode="numeric"
            placeholder="18:00"
            {...inputAria("end", errors.end?.message)}
            {...register("end")}
          />
        </Field>
        <Field
          name="firstResponseHours"
          label={t("firstResponseHours")}
          hint={t("firstResponseHint")}
          errorKey={errors.firstResponseHours?.message}
        >
          <input
            type="number"
            min="0.25"
            step="0.25"
            {...inputAria("firstResponseHours", errors.firstResponseHours?.message, true)}
            {...register("firstResponseHours")}
          />
        </Field>
      </div>
      <Field name="holidays" label={t("holidays")} hint={t("holidaysHint")} errorKey={errors.holidays?.message}>
        <textarea rows={4} {...inputAria("holidays", errors.holidays?.message, true)} {...register("holidays")} />
      </Field>
      <Field name="workdays" label={t("workdays")} hint={t("workdaysHint")} errorKey={errors.workdays?.message}>
        <textarea rows={2} {...inputAria("workdays", errors.workdays?.message, true)} {...register("workdays")} />
      </Field>
      <div>
        <button className="button" type="submit" disabled={isSubmitting}>
          {tr("save")}
        </button>
      </div>
    </form>
  );
}
