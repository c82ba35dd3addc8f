"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { useSettingsSave } from "@/components/settings/use-settings-save";
import { Field, inputAria } from "@/components/ui/field";
import { updateReserveThresholdAction } from "@/lib/reports/settings/actions";
import {
  reserveThresholdSchema,
  type ReserveThreshold,
  type ReserveThresholdInput,
} from "@/lib/reports/settings/schema";
import { FormMessage } from "@/components/ui/form-message";

/** The admin's one field for the 项目储备库 threshold, on the rules page. */
export function ReserveThresholdForm({ initial }: { initial: number }) {
  const t = useTranslations("reportsExport.threshold");
  const tr = useTranslations("rules");
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReserveThresholdInput, unknown, ReserveThreshold>({
    resolver: zodResolver(reserveThresholdSchema),
    defaultValues: { threshold: String(initial) },
  });
  const { status, save, message } = useSettingsSave(setError);
  const error = message(errors.threshold?.message);

  return (
    <form
      className="panel form-section"
      onSubmit={handleSubmit((values) => save(() => updateReserveThresholdAction(values)))}
      noValidate
    >
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <Field name="threshold" label={t("label")} hint={t("hint")} error={error}>
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
