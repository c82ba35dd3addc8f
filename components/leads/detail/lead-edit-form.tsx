"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { Resolver } from "react-hook-form";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { updateLeadAction } from "@/lib/leads/edit/actions";
import {
  AREA_UNITS,
  EDITABLE_FIELDS,
  leadEditSchema,
  NEED_DEALS,
  NEED_KINDS,
  type EditableField,
  type LeadEdit,
} from "@/lib/leads/edit/schema";
import styles from "./lead-detail.module.css";
import { FormMessage } from "@/components/ui/form-message";

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
  const router = useRouter();
  const reloading = useRef(false);
  const { form, submit, status, setStatus } = useActionForm({
    resolver: (values, context, options) => editResolver(withoutMasked(values, masked), context, options),
    defaultValues: initial,
    action: (typed) => updateLeadAction(withoutMasked(typed, masked)),
    fields: EDITABLE_FIELDS,
    forbidden: t("forbidden"),
    // Someone else's change (the version) or a lead gone (its id) is the form's to say, with a reload.
    fieldErrorStatus: ({ other }, translate) => {
      const [, key] =
        other.find(([field]) => field === "version") ?? other.find(([field]) => field === "leadId") ?? other[0] ?? [];
      return key === undefined ? undefined : { ok: false, text: translate(key), stale: key === "stale" };
    },
    onSuccess: (answer) => {
      form.reset({ ...form.getValues(), version: answer.version });
      return answer.changed.length ? t("edit.saved") : t("edit.unchanged");
    },
  });
  const {
    register,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = form;

  // A newer version from the server (our own save, a stage move) replaces the form unless the officer
  // is mid-edit; only a new version, not every render, may reset what they typed.
  useEffect(() => {
    if (!isDirty || reloading.current) {
      reloading.current = false;
      reset(initial);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the version alone says the server's copy changed
  }, [initial.version]);

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
    <form className={styles.form} onSubmit={submit} noValidate data-testid="lead-edit-form">
      <p className="hint">{t("edit.phoneHint")}</p>
      <div className="form-row two">
        {TEXT_FIELDS.map((field) => (
          <Field
            key={field.name}
            name={`lead.${field.name}`}
            label={t(`fields.${field.name}`)}
            hint={masked.includes(field.name) ? t("edit.maskedHint") : field.hint && t(`edit.${field.hint}`)}
            errorKey={errors[field.name]?.message}
          >
            {input(field.name, field)}
          </Field>
        ))}
        <Field name="lead.needDeal" label={t("fields.needDeal")} errorKey={errors.needDeal?.message}>
          <select {...inputAria("lead.needDeal", errors.needDeal?.message)} {...register("needDeal")}>
            <option value="">{t("edit.none")}</option>
            {NEED_DEALS.map((deal) => (
              <option key={deal} value={deal}>
                {t(`needDeal.${deal}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="lead.needKind" label={t("fields.needKind")} errorKey={errors.needKind?.message}>
          <select {...inputAria("lead.needKind", errors.needKind?.message)} {...register("needKind")}>
            <option value="">{t("edit.none")}</option>
            {NEED_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindName(`${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="lead.needArea" label={t("fields.needArea")} errorKey={errors.needArea?.message}>
          {input("needArea", { inputMode: "decimal" })}
        </Field>
        <Field name="lead.needAreaUnit" label={t("fields.needAreaUnit")} errorKey={errors.needAreaUnit?.message}>
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
        errorKey={errors.notes?.message}
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
