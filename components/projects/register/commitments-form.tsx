"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTranslations } from "use-intl";
import { FormStatus, TextField } from "@/components/listings-admin/form-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateCommitmentsAction } from "@/lib/projects/register/actions";
import { COMMITMENT_FIELDS, commitmentsSchema, type CommitmentsInput } from "@/lib/projects/register/schema";

export type CommitmentsValues = { [K in keyof CommitmentsInput]: string };

/**
 * The contract's commitments and the company's names. The form carries the project's version: a change
 * someone made meanwhile saves nothing and says so, with a reload. Read-only (disabled) once terminated.
 */
export function CommitmentsForm({ initial, readOnly }: { initial: CommitmentsValues; readOnly: boolean }) {
  const t = useTranslations("projects.commitments");
  const required = useTranslations("inquiry")("required");
  const router = useRouter();
  const { form, submit, status } = useActionForm({
    schema: commitmentsSchema,
    defaultValues: initial,
    action: (typed) => updateCommitmentsAction(typed),
    fields: COMMITMENT_FIELDS,
    forbidden: t("forbidden"),
    failed: t("failed"),
    onInvalid: (errors) => t("errorsSummary", { count: Object.keys(errors).length }),
    fieldErrorStatus: ({ placed, other }, translate) => {
      const [field, key] = other.find(([name]) => name === "version" || name === "projectId") ?? other[0] ?? [];
      if (key !== undefined) return { ok: false, text: translate(key), stale: field === "version" };
      return { ok: false, text: t("errorsSummary", { count: placed.length }) };
    },
    onSuccess: (answer, typed): string => {
      form.reset({ ...typed, version: String(answer.version) });
      router.refresh();
      return answer.version !== Number(typed.version) ? t("saved") : t("unchanged");
    },
  });
  // The page re-rendered after another change to the project (a milestone, the owner): its version is the one to send.
  useEffect(() => form.setValue("version", initial.version), [form, initial.version]);
  const common = { form };
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="commitments-form" aria-labelledby="commitments">
      <h2 id="commitments">{t("title")}</h2>
      <FormStatus status={status}>
        {status?.stale && (
          <>
            {" "}
            <button type="button" className="link-button" onClick={() => window.location.reload()}>
              {t("reload")}
            </button>
          </>
        )}
      </FormStatus>
      <fieldset disabled={readOnly}>
        <div className="form-row two">
          <TextField {...common} name="name" label={t("name")} required={required} />
          <TextField {...common} name="companyName" label={t("companyName")} required={required} />
        </div>
        <div className="form-row two">
          <TextField {...common} name="creditCode" label={t("creditCode")} hint={t("creditCodeHint")} />
          <TextField {...common} name="industry" label={t("industry")} />
        </div>
        <div className="form-row two">
          <TextField
            {...common}
            name="totalInvestment"
            label={t("totalInvestment")}
            hint={t("amountHint")}
            inputMode="decimal"
          />
          <TextField {...common} name="fixedAssetInvestment" label={t("fixedAssetInvestment")} inputMode="decimal" />
        </div>
        <div className="form-row two">
          <TextField {...common} name="annualOutput" label={t("annualOutput")} inputMode="decimal" />
          <TextField {...common} name="annualTax" label={t("annualTax")} inputMode="decimal" />
        </div>
        <div className="form-row two">
          <TextField {...common} name="jobs" label={t("jobs")} inputMode="numeric" />
          <TextField {...common} name="landMu" label={t("landMu")} inputMode="decimal" />
        </div>
        {!readOnly && (
          <div className="actions">
            <button className="button" type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t("saving") : t("save")}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
