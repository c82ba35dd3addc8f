"use client";
import { useWatch } from "react-hook-form";
import { useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { Field, inputAria } from "@/components/ui/field";
import { updateScoreSettingsAction } from "@/lib/leads/score/actions";
import { SCORE_FACTORS, scoreSettingsSchema, type ScoreSettings } from "@/lib/settings/schema";
import styles from "./settings.module.css";
import { useSettingsForm } from "./use-settings-form";
import { FormMessage } from "@/components/ui/form-message";

export function ScoreForm({ initial }: { initial: ScoreSettings }) {
  const t = useTranslations("rules");
  const { form, submit, status } = useSettingsForm({
    schema: scoreSettingsSchema,
    defaultValues: {
      weights: initial.weights,
      preferredIndustries: initial.preferredIndustries.join("\n"),
      vetoes: {
        bannedIndustries: initial.vetoes.bannedIndustries.join("\n"),
        minExpectedTax: initial.vetoes.minExpectedTax === null ? "" : String(initial.vetoes.minExpectedTax),
      },
    },
    action: (_typed, parsed) => updateScoreSettingsAction(parsed),
    fields: ["weights", "preferredIndustries", "vetoes"],
  });
  const {
    register,
    control,
    formState: { errors, isSubmitting },
  } = form;
  const weights = useWatch({ control, name: "weights" }) as Record<string, unknown> | undefined;
  const sum = SCORE_FACTORS.reduce((total, factor) => total + (Number(weights?.[factor]) || 0), 0);
  const weightErrors = errors.weights as
    (Record<string, { message?: string } | undefined> & { message?: string }) | undefined;
  const sumError = weightErrors?.message;
  const vetoErrors = errors.vetoes;

  return (
    <form className="panel form-section" onSubmit={submit} noValidate>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <p className="hint">{t("score.hint")}</p>
      <fieldset className="field" aria-describedby="field-weights-sum">
        <legend>{t("score.weights")}</legend>
        <div className={styles.weights}>
          {SCORE_FACTORS.map((factor) => {
            const name = `weights.${factor}` as const;
            const error = weightErrors?.[factor]?.message;
            return (
              <Field
                key={factor}
                name={name}
                label={t(`score.factors.${factor}`)}
                hint={t(`score.factorHints.${factor}`)}
                errorKey={error}
              >
                <input type="number" min="0" max="100" step="1" {...inputAria(name, error, true)} {...register(name)} />
              </Field>
            );
          })}
        </div>
        <p id="field-weights-sum" className={`${styles.sum} ${sum === 100 ? "" : styles.sumBad}`} aria-live="polite">
          {t("score.weightSum", { sum })}
        </p>
        <FieldError id="field-weights-error" messageKey={sumError} />
      </fieldset>
      <Field
        name="preferredIndustries"
        label={t("score.preferredIndustries")}
        hint={t("score.preferredHint")}
        errorKey={errors.preferredIndustries?.message}
      >
        <textarea
          rows={4}
          {...inputAria("preferredIndustries", errors.preferredIndustries?.message, true)}
          {...register("preferredIndustries")}
        />
      </Field>
      <Field
        name="vetoes.bannedIndustries"
        label={t("score.bannedIndustries")}
        hint={t("score.bannedHint")}
        errorKey={vetoErrors?.bannedIndustries?.message}
      >
        <textarea
          rows={3}
          {...inputAria("vetoes.bannedIndustries", vetoErrors?.bannedIndustries?.message, true)}
          {...register("vetoes.bannedIndustries")}
        />
      </Field>
      <Field
        name="vetoes.minExpectedTax"
        label={t("score.minExpectedTax")}
        hint={t("score.minExpectedTaxHint")}
        errorKey={vetoErrors?.minExpectedTax?.message}
      >
        <input
          type="text"
          inputMode="decimal"
          {...inputAria("vetoes.minExpectedTax", vetoErrors?.minExpectedTax?.message, true)}
          {...register("vetoes.minExpectedTax")}
        />
      </Field>
      <div>
        <button className="button" type="submit" disabled={isSubmitting}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
