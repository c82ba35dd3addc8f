"use client";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { updateDeliverySettingsAction } from "@/lib/settings/actions";
import { deliverySettingsSchema, type DeliverySettings } from "@/lib/settings/schema";
import styles from "./settings.module.css";
import { useSettingsForm } from "./use-settings-form";

const WHOLE = { warnDays: [1, 180], taxWeight: [0, 100], classA: [1, 1000], classB: [1, 1000], classC: [1, 1000] };
const FIELDS = ["warnDays", "taxPerMu", "outputPerMu", "taxWeight", "classA", "classB", "classC"] as const;

/** The delivery rules (履约): when a milestone warns, the workspace's 亩均 yardsticks, the weight and the classes. */
export function DeliveryForm({ initial }: { initial: DeliverySettings }) {
  const t = useTranslations("projectActuals.settings");
  const rules = useTranslations("rules");
  const { form, submit, status } = useSettingsForm({
    schema: deliverySettingsSchema,
    defaultValues: initial,
    action: (_typed, parsed) => updateDeliverySettingsAction(parsed),
    fields: FIELDS,
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form className="panel form-section" onSubmit={submit} noValidate data-testid="delivery-settings">
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <p className="hint">{t("hint")}</p>
      <div className={styles.times}>
        {FIELDS.map((field) => {
          const error = errors[field]?.message;
          const whole = field in WHOLE ? WHOLE[field as keyof typeof WHOLE] : null;
          return (
            <Field key={field} name={field} label={t(field)} hint={t(`${field}Hint`)} errorKey={error}>
              {whole ? (
                <input
                  type="number"
                  min={whole[0]}
                  max={whole[1]}
                  step="1"
                  {...inputAria(field, error, true)}
                  {...register(field)}
                />
              ) : (
                <input type="text" inputMode="decimal" {...inputAria(field, error, true)} {...register(field)} />
              )}
            </Field>
          );
        })}
      </div>
      <div>
        <button className="button" type="submit" disabled={isSubmitting}>
          {rules("save")}
        </button>
      </div>
    </form>
  );
}
