"use client";
import { useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { updateAssignmentSettingsAction } from "@/lib/settings/actions";
import { ASSIGNMENT_RULES, assignmentSettingsSchema, type AssignmentSettings } from "@/lib/settings/schema";
import { useSettingsForm } from "./use-settings-form";

export function AssignmentForm({ initial }: { initial: AssignmentSettings }) {
  const t = useTranslations("rules");
  const { form, submit, status } = useSettingsForm({
    schema: assignmentSettingsSchema,
    defaultValues: initial,
    action: (_typed, parsed) => updateAssignmentSettingsAction(parsed),
    fields: ["rule"],
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const error = errors.rule?.message;

  return (
    <form className="panel form-section" onSubmit={submit} noValidate>
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
        <FieldError id="field-rule-error" messageKey={error} />
      </fieldset>
      <div>
        <button className="button" type="submit" disabled={isSubmitting}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
