"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { updateWorkingHoursSettingsAction } from "@/lib/settings/actions";
import {
  WEEKDAYS,
  workingHoursSettingsSchema,
  type WorkingHoursSettings,
  type WorkingHoursSettingsInput,
} from "@/lib/settings/schema";
import styles from "./settings.module.css";
import { useSettingsSave } from "./use-settings-save";
import { FormMessage } from "@/components/ui/form-message";

export function WorkingHoursForm({ initial }: { initial: WorkingHoursSettings }) {
  const t = useTranslations("rules.workingHours");
  const tr = useTranslations("rules");
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<WorkingHoursSettingsInput, unknown, WorkingHoursSettings>({
    resolver: zodResolver(workingHoursSettingsSchema),
    defaultValues: {
      ...initial,
      days: initial.days.map(String),
      firstResponseHours: String(initial.firstResponseHours),
      holidays: initial.holidays.join("\n"),
      workdays: initial.workdays.join("\n"),
    },
  });
  const { status, save, message } = useSettingsSave(setError);
  const daysError = message(errors.days?.message ?? errors.days?.root?.message);

  return (
    <form
      className="panel form-section"
      onSubmit={handleSubmit((values) => save(() => updateWorkingHoursSettingsAction(values)))}
      noValidate
    >
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
        {daysError && (
          <p className="field-error" id="field-days-error" role="alert">
            {daysError}
          </p>
        )}
      </fieldset>
      <div className={styles.times}>
        <Field name="start" label={t("start")} error={message(errors.start?.message)}>
          <input
            type="text"
            inputMode="numeric"
            placeholder="09:00"
            {...inputAria("start", errors.start?.message)}
            {...register("start")}
          />
        </Field>
        <Field name="end" label={t("end")} error={message(errors.end?.message)}>
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
          error={message(errors.firstResponseHours?.message)}
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
      <Field name="holidays" label={t("holidays")} hint={t("holidaysHint")} error={message(errors.holidays?.message)}>
        <textarea rows={4} {...inputAria("holidays", errors.holidays?.message, true)} {...register("holidays")} />
      </Field>
      <Field name="workdays" label={t("workdays")} hint={t("workdaysHint")} error={message(errors.workdays?.message)}>
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
