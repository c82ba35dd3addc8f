"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { updateLeadAction } from "@/lib/leads/edit/actions";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import {
  AREA_UNITS,
  leadEditSchema,
  NEED_DEALS,
  NEED_KINDS,
  type EditableField,
  type LeadEdit,
} from "@/lib/leads/edit/schema";
import styles from "./lead-detail.module.css";
import { showServerErrors } from "@/components/ui/server-errors";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

export type LeadEditValues = Record<EditableField, string> & { leadId: string; version: number };
// The schema takes unknown input (blank clears a field); the form always gives it text.
const editResolver = zodResolver(leadEditSchema) as unknown as Resolver<LeadEditValues, unknown, LeadEdit>;

const TEXT_FIELDS: { name: EditableField; type?: string; inputMode?: "decimal" | "numeric"; hint?: "industryHint" }[] =
  [
    { name: "company" },
    { name: "contactName" },
    { name: "wechat" },
    { name: "email", type: "email" },
    { name: "creditCode" },
    { name: "industry", hint: "industryHint" },
    { name: "use" },
    { name: "expectedAnnualTax", inputMode: "decimal" },
    { name: "investment", inputMode: "decimal" },
    { name: "annualOutput", inputMode: "decimal" },
    { name: "employees", inputMode: "numeric" },
  ];

/** The values without the fields shown masked: those are neither checked nor sent (a mask is no WeChat ID). */
function withoutMasked(values: LeadEditValues, masked: readonly EditableField[]): LeadEditValues {
  return Object.fromEntries(
    Object.entries(values).filter(([name]) => !masked.includes(name as EditableField)),
  ) as LeadEditValues;
}

/**
 * Edits the lead's fields. The form carries the version it was loaded with; if someone changed
 * the lead meanwhile the server saves nothing and says so here, and the officer reloads and redoes
 * the change, so neither edit is lost silently. Fields shown masked (a pool lead's WeChat ID, email,
 * notes for staff) are read-only until the lead is claimed.
 */
export function LeadEditForm({ initial, masked = [] }: { initial: LeadEditValues; masked?: readonly EditableField[] }) {
  const t = useTranslations("leadPage");
  const kindName = useTranslations("kind");
  const unitName = useTranslations("units");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const router = useRouter();
  const tv = (key?: string) => (key ? validation(key) : undefined);
  const [status, setStatus] = useState<{ ok: boolean; text: string; stale?: boolean }>();
  const reloading = useRef(false);
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<LeadEditValues, unknown, LeadEdit>({
    resolver: (values, context, options) => editResolver(withoutMasked(values, masked), context, options),
    defaultValues: initial,
  });

  // A newer version from the server (our own save, a stage move) replaces the form unless the officer
  // is mid-edit; only a new version, not every render, may reset what they typed.
  useEffect(() => {
    if (!isDirty || reloading.current) {
      reloading.current = false;
      reset(initial);
    }
  }, [initial.version]);

  const onSubmit = handleSubmit(async () => {
    setStatus(undefined);
    const answer = await updateLeadAction(withoutMasked(getValues(), masked));
    if (answer.ok) {
      setStatus({ ok: true, text: answer.changed.length ? t("edit.saved") : t("edit.unchanged") });
      reset({ ...getValues(), version: answer.version });
    } else if ("error" in answer) {
      setStatus({ ok: false, text: refusal(answer, t("forbidden")) });
    } else if (answer.fieldErrors.version || answer.fieldErrors.leadId) {
      const key = answer.fieldErrors.version ?? answer.fieldErrors.leadId;
      setStatus({ ok: false, text: tv(key)!, stale: key === "stale" });
    } else {
      showServerErrors(setError, answer.fieldErrors);
    }
  });

  const reload = () => {
    reloading.current = true;
    setStatus(undefined);
    router.refresh();
  };

  const input = (name: EditableField, props: { type?: string; inputMode?: "decimal" | "numeric" } = {}) => (
    <input
      type={props.type ?? "text"}
      inputMode={props.inputMode}
      readOnly={masked.includes(name)}
      {...inputAria(`lead.${name}`, errors[name]?.message)}
      {...register(name)}
    />
  );

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate data-testid="lead-edit-form">
      <p className="hint">{t("edit.phoneHint")}</p>
      <div className="form-row two">
        {TEXT_FIELDS.map((field) => (
          <Field
            key={field.name}
            name={`lead.${field.name}`}
            label={t(`fields.${field.name}`)}
            hint={masked.includes(field.name) ? t("edit.maskedHint") : field.hint && t(`edit.${field.hint}`)}
            error={tv(errors[field.name]?.message)}
          >
            {input(field.name, field)}
          </Field>
        ))}
        <Field name="lead.needDeal" label={t("fields.needDeal")} error={tv(errors.needDeal?.message)}>
          <select {...inputAria("lead.needDeal", errors.needDeal?.message)} {...register("needDeal")}>
            <option value="">{t("edit.none")}</option>
            {NEED_DEALS.map((deal) => (
              <option key={deal} value={deal}>
                {t(`needDeal.${deal}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="lead.needKind" label={t("fields.needKind")} error={tv(errors.needKind?.message)}>
          <select {...inputAria("lead.needKind", errors.needKind?.message)} {...register("needKind")}>
            <option value="">{t("edit.none")}</option>
            {NEED_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindName(`${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="lead.needArea" label={t("fields.needArea")} error={tv(errors.needArea?.message)}>
          {input("needArea", { inputMode: "decimal" })}
        </Field>
        <Field name="lead.needAreaUnit" label={t("fields.needAreaUnit")} error={tv(errors.needAreaUnit?.message)}>
          <select {...inputAria("lead.needAreaUnit", errors.needAreaUnit?.message)} {...register("needAreaUnit")}>
            <option value="">{t("edit.none")}</option>
            {AREA_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit === "MU" ? unitName("mu") : unitName("sqm")}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        name="lead.notes"
        label={t("fields.notes")}
        hint={masked.includes("notes") ? t("edit.maskedHint") : undefined}
        error={tv(errors.notes?.message)}
      >
        <textarea
          readOnly={masked.includes("notes")}
          {...inputAria("lead.notes", errors.notes?.message)}
          {...register("notes")}
        />
      </Field>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status} as="div" testId="lead-edit-status">
        {status?.text}
        {status?.stale && (
          <button type="button" className="link-button" onClick={reload}>
            {t("edit.reload")}
          </button>
        )}
      </FormMessage>
      <button className="button" type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("edit.saving") : t("edit.save")}
      </button>
    </form>
  );
}
