"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { updateAssignmentSettingsAction } from "@/lib/settings/actions";
import {
  ASSIGNMENT_RULES,
  assignmentSettingsSchema,
  type AssignmentSettings,
  type AssignmentSettingsInput,
} from "@/lib/settings/schema";
import { useSettingsSave } from "./use-settings-save";
import { FormMessage } from "@/components/ui/form-message";

export function AssignmentForm({ initial }: { initial: AssignmentSettings }) {
  const t = useTranslations("rules");
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AssignmentSettingsInput, unknown, AssignmentSettings>({
    resolver: zodResolver(assignmentSettingsSchema),
    defaultValues: initial,
  });
  const { status, save, message } = useSettingsSave(setError);
  const error = message(errors.rule?.message);

  return (
    <form
      className="panel form-section"
      onSubmit={handleSubmit((values) => save(() => updateAssignmentSettingsAction(values)))}
      noValidate
    >
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <fieldset className="field" aria-describedby={error ? "field-rule-error" : "field-rule-hint"}>
        <legend>{t("assignment.rule")}</legend>
        <span className="hint" id="field-rule-hint">
          {t("assignment.hint")}
        </span>
        {ASSIGNMENT_RULES.map((rule) => (
          <label key={rule} className="choice">
            <input type="radio" value={rule} {...register("rule")} />
            {t(`assignment.rules.${rule}`)}
          </label>
        ))}
        {error && (
          <p className="field-error" id="field-rule-error" role="alert">
            {error}
          </p>
        )}
      </fieldset>
      <div>
        <button className="button" type="submit" disabled={isSubmitting}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
