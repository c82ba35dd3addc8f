"use client";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { updateInventorySettingsAction } from "@/lib/settings/actions";
import { inventorySettingsSchema, type InventorySettings } from "@/lib/settings/schema";
import styles from "./settings.module.css";
import { useSettingsForm } from "./use-settings-form";

const FIELDS = ["holdDays", "staffRenewals", "reminderHours"] as const;
const LIMITS = { holdDays: [1, 90], staffRenewals: [0, 10], reminderHours: [1, 168] } as const;

/** How long a hold of units lasts, how often an officer may renew it, and when the holder is reminded. */
export function InventoryForm({ initial }: { initial: InventorySettings }) {
  const t = useTranslations("inventory.settings");
  const rules = useTranslations("rules");
  const { form, submit, status } = useSettingsForm({
    schema: inventorySettingsSchema,
    defaultValues: initial,
    action: (_typed, parsed) => updateInventorySettingsAction(parsed),
    fields: FIELDS,
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
      <p className="hint">{t("hint")}</p>
      <div className={styles.times}>
        {FIELDS.map((field) => (
          <Field key={field} name={field} label={t(field)} hint={t(`${field}Hint`)} errorKey={errors[field]?.message}>
            <input
              type="number"
              min={LIMITS[field][0]}
              max={LIMITS[field][1]}
              step="1"
              {...inputAria(field, errors[field]?.message, true)}
              {...register(field)}
            />
          </Field>
        ))}
      </div>
      <div>
        <button className="button" type="submit" disabled={isSubmitting}>
          {rules("save")}
        </button>
      </div>
    </form>
  );
}
