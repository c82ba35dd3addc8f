"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { updateScoreSettingsAction } from "@/lib/leads/score/actions";
import { SCORE_FACTORS, scoreSettingsSchema, type ScoreSettings, type ScoreSettingsInput } from "@/lib/settings/schema";
import styles from "./settings.module.css";
import { useSettingsSave } from "./use-settings-save";
import { FormMessage } from "@/components/ui/form-message";

export function ScoreForm({ initial }: { initial: ScoreSettings }) {
  const t = useTranslations("rules");
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ScoreSettingsInput, unknown, ScoreSettings>({
    resolver: zodResolver(scoreSettingsSchema),
    defaultValues: {
      weights: initial.weights,
      preferredIndustries: initial.preferredIndustries.join("\n"),
      vetoes: {
        bannedIndustries: initial.vetoes.bannedIndustries.join("\n"),
        minExpectedTax: initial.vetoes.minExpectedTax === null ? "" : String(initial.vetoes.minExpectedTax),
      },
    },
  });
  const { status, save, message } = useSettingsSave(setError);
  const weights = useWatch({ control, name: "weights" }) as Record<string, unknown> | undefined;
  const sum = SCORE_FACTORS.reduce((total, factor) => total + (Number(weights?.[factor]) || 0), 0);
  const weightErrors = errors.weights as
    (Record<string, { message?: string } | undefined> & { message?: string }) | undefined;
  const sumError = message(weightErrors?.message);
  const vetoErrors = errors.vetoes;

  return (
    <form
      className="panel form-section"
      onSubmit={handleSubmit((values) => save(() => updateScoreSettingsAction(values)))}
      noValidate
    >
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
                error={message(error)}
              >
                <input type="number" min="0" max="100" step="1" {...inputAria(name, error, true)} {...register(name)} />
              </Field>
            );
          })}
        </div>
        <p id="field-weights-sum" className={`${styles.sum} ${sum === 100 ? "" : styles.sumBad}`} aria-live="polite">
          {t("score.weightSum", { sum })}
        </p>
        {sumError && (
          <p className="field-error" role="alert">
            {sumError}
          </p>
        )}
      </fieldset>
      <Field
        name="preferredIndustries"
        label={t("score.preferredIndustries")}
        hint={t("score.preferredHint")}
        error={message(errors.preferredIndustries?.message)}
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
        error={message(vetoErrors?.bannedIndustries?.message)}
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
        error={message(vetoErrors?.minExpectedTax?.message)}
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
