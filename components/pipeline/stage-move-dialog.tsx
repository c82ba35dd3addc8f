"use client";
import { useMemo } from "react";
import { get } from "react-hook-form";
import { useLocale, useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputAria } from "@/components/ui/field";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/messages";
import { moveLeadStageAction } from "@/lib/pipeline/actions";
import {
  stageMoveDetailsSchema,
  stageMoveErrors,
  type StageCategory,
  type StageMoveDetails,
} from "@/lib/leads/stage/schema";
import { SignUnits } from "./sign-units";
import styles from "./stage-move-dialog.module.css";
import { FormMessage } from "@/components/ui/form-message";

export interface StageMoveTarget {
  key: string;
  name: string;
  nameEn?: string | null;
  category: StageCategory;
}
export interface LostReasonOption {
  key: string;
  name: string;
  nameEn?: string | null;
  askPark: boolean;
}
export interface MovedLead {
  id: string;
  stageKey: string;
  version: number;
}

const DETAIL_FIELDS: Record<StageCategory, (keyof StageMoveDetails)[]> = {
  OPEN: [],
  LOST: ["lostReasonKey", "lostToPark"],
  WON: ["signedUnits", "signedArea", "signedAreaUnit", "signedAnnualTax"],
};

/**
 * Confirms a move of one lead to `toStage` and asks what that stage needs: the lost reason (and
 * which park, for "chose another park") or the signed units, area and annual tax. It saves the move
 * itself; `onDone` gets the moved lead, `onCancel` means nothing changed. Refusals that are not
 * about the form (the stage changed meanwhile, no permission) go to `onRefused` when given.
 */
export function StageMoveDialog({
  leadId,
  leadLabel,
  fromStageKey,
  toStage,
  lostReasons,
  onDone,
  onCancel,
  onRefused,
}: {
  leadId: string;
  /** the company, for the title */
  leadLabel?: string;
  fromStageKey: string;
  toStage: StageMoveTarget;
  lostReasons: LostReasonOption[];
  onDone: (lead: MovedLead) => void;
  onCancel: () => void;
  onRefused?: (message: string) => void;
}) {
  const t = useTranslations("pipeline");
  const units = useTranslations("units");
  const locale = useLocale() as Locale;
  const category = toStage.category;
  const schema = useMemo(
    () =>
      stageMoveDetailsSchema.superRefine((details, ctx) => {
        const reason = lostReasons.find((option) => option.key === details.lostReasonKey);
        for (const [field, message] of Object.entries(stageMoveErrors(category, details, reason)))
          ctx.addIssue({ code: "custom", path: [field], message });
      }),
    [category, lostReasons],
  );
  const { form, submit, status } = useActionForm({
    schema,
    defaultValues: { signedAreaUnit: "SQM" },
    action: (_typed, values) =>
      moveLeadStageAction({
        leadId,
        fromStageKey,
        toStageKey: toStage.key,
        ...Object.fromEntries(DETAIL_FIELDS[category].map((field) => [field, values[field]])),
      }),
    fields: DETAIL_FIELDS[category],
    forbidden: t("move.forbidden"),
    failed: t("move.failed"),
    onRefused,
    // Errors of the details asked here go beside them; only when there are none is another field's the refusal.
    fieldErrorStatus: ({ placed, other }, translate) =>
      placed.length ? undefined : { ok: false, text: other[0] ? translate(other[0][1]) : t("move.failed") },
    onSuccess: (answer) => {
      onDone(answer.lead);
      return undefined;
    },
  });
  const {
    register,
    watch,
    setValue,
    formState: { errors, isSubmitting },
  } = form;
  const stageName = localized(locale, toStage.name, toStage.nameEn);
  const chosen = lostReasons.find((reason) => reason.key === watch("lostReasonKey"));

  const title = t(`dialog.${category === "LOST" ? "lostTitle" : category === "WON" ? "wonTitle" : "openTitle"}`, {
    company: leadLabel ?? "",
    stage: stageName,
  });

  return (
    // Open for as long as it is rendered: the board or the lead page mounts it for one move and
    // unmounts it when the move is saved or given up. Escape and the backdrop give it up.
    <Dialog open onOpenChange={(open) => !open && !isSubmitting && onCancel()} title={title}>
      <form className={styles.form} onSubmit={submit} noValidate>
        <FormMessage tone="error" answer={status}>
          {status?.text}
        </FormMessage>
        {category === "LOST" && (
          <fieldset className="field" aria-describedby={errors.lostReasonKey ? "field-lostReasonKey-error" : undefined}>
            <legend>{t("dialog.lostReason")}</legend>
            <div className="choice-group">
              {lostReasons.map((reason) => (
                <label key={reason.key} className="choice">
                  <input type="radio" value={reason.key} {...register("lostReasonKey")} />
                  {localized(locale, reason.name, reason.nameEn)}
                </label>
              ))}
            </div>
            <FieldError id="field-lostReasonKey-error" messageKey={errors.lostReasonKey?.message} />
          </fieldset>
        )}
        {category === "LOST" && chosen?.askPark && (
          <Field
            name="lostToPark"
            label={t("dialog.lostToPark")}
            requiredLabel={t("dialog.required")}
            errorKey={errors.lostToPark?.message}
          >
            <input
              type="text"
              maxLength={100}
              {...inputAria("lostToPark", errors.lostToPark?.message)}
              {...register("lostToPark")}
            />
          </Field>
        )}
        {category === "WON" && (
          <>
            <SignUnits
              leadId={leadId}
              onChange={(units, area) => {
                setValue("signedUnits", units.length > 0 ? units : undefined);
                if (area) {
                  setValue("signedArea", area.value);
                  setValue("signedAreaUnit", area.unit);
                }
              }}
              priceError={(position) => get(errors, `signedUnits.${position}.dealPrice.message`)}
              unitsError={errors.signedUnits?.message ?? errors.signedUnits?.root?.message}
            />
            <div className={styles.area}>
              <Field
                name="signedArea"
                label={t("dialog.signedArea")}
                requiredLabel={t("dialog.required")}
                errorKey={errors.signedArea?.message}
              >
                <input
                  type="text"
                  inputMode="decimal"
                  {...inputAria("signedArea", errors.signedArea?.message)}
                  {...register("signedArea")}
                />
              </Field>
              <Field name="signedAreaUnit" label={t("dialog.signedAreaUnit")} errorKey={errors.signedAreaUnit?.message}>
                <select
                  {...inputAria("signedAreaUnit", errors.signedAreaUnit?.message)}
                  {...register("signedAreaUnit")}
                >
                  <option value="SQM">{units("sqm")}</option>
                  <option value="MU">{units("mu")}</option>
                </select>
              </Field>
            </div>
            <Field
              name="signedAnnualTax"
              label={t("dialog.signedAnnualTax")}
              requiredLabel={t("dialog.required")}
              errorKey={errors.signedAnnualTax?.message}
            >
              <input
                type="text"
                inputMode="decimal"
                {...inputAria("signedAnnualTax", errors.signedAnnualTax?.message)}
                {...register("signedAnnualTax")}
              />
            </Field>
          </>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={isSubmitting}>
            {isSubmitting ? t("dialog.saving") : t("dialog.confirm")}
          </button>
          <button type="button" className="button secondary" disabled={isSubmitting} onClick={onCancel}>
            {t("dialog.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
