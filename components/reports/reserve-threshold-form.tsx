"use client";
import { useTranslations } from "use-intl";
import { useSettingsForm } from "@/components/settings/use-settings-form";
import { Field, inputAria } from "@/components/ui/field";
import { updateReserveThresholdAction } from "@/lib/reports/settings/actions";
import { reserveThresholdSchema } from "@/lib/reports/settings/schema";
import { FormMessage } from "@/components/ui/form-message";

/** The admin's one field for the 项目储备库 threshold, on the rules page. */
export function ReserveThresholdForm({ initial }: { initial: number }) {
  const t = useTranslations("reportsExport.threshold");
  const tr = useTranslations("rules");
  const { form, submit, status } = useSettingsForm({
    schema: reserveThresholdSchema,
    defaultValues: { threshold: String(initial) },
    action: (_typed, parsed) => updateReserveThresholdAction(parsed),
    fields: ["threshold"],
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form className="panel form-section" onSubmit={submit} noValidate>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <Field name="threshold" label={t("label")} hint={t("hint")} errorKey={errors.threshold?.message}>
        {/* Text, not a number input: the amount may be typed as people write it (1000万, 0.1亿, 1,000), read by the schema. */}
        <input
          type="text"
          inputMode="decimal"
          {...inputAria("threshold", errors.threshold?.message, true)}
          {...register("threshold")}
        />
      </Field>
      <div>
        <button className="button" type="submit" disabled={isSubmitting}>
          {tr("save")}
        </button>
      </div>
    </form>
  );
}
