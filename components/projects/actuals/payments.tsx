"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useTranslations } from "use-intl";
import { useActionForm, useFormStatus, useRefusedStatus } from "@/components/forms/use-action-form";
import { FormStatus } from "@/components/listings-admin/form-fields";
import { addFundingAction, deleteFundingAction } from "@/lib/projects/funding/actions";
import { fundingEntrySchema, type FundingEntryInput } from "@/lib/projects/funding/schema";
import { ActualsField } from "./actuals-field";

/** One payment as the table shows it, its figures already in the reader's language. */
export interface PaymentRow {
  id: string;
  paidOnText: string;
  amountText: string;
  note: string | null;
  recordedBy: string | null;
  deletable: boolean;
}

/** The payments received (实际到资), newest first: deleted by their recorder or a manager, added below. */
export function Payments({ projectId, rows, writable }: { projectId: string; rows: PaymentRow[]; writable: boolean }) {
  const t = useTranslations("projectActuals");
  const router = useRouter();
  const refused = useRefusedStatus();
  const shared = useFormStatus();
  const [pending, startTransition] = useTransition();

  const remove = (row: PaymentRow) => {
    if (!window.confirm(t("funding.payments.removeConfirm", { day: row.paidOnText, amount: row.amountText }))) return;
    startTransition(async () => {
      shared.setStatus(undefined);
      const answer = await deleteFundingAction({ fundingId: row.id });
      if (answer.ok) {
        shared.setStatus({ ok: true, text: t("funding.payments.removed") });
        router.refresh();
      } else shared.setStatus(refused(answer, t("forbidden")));
    });
  };
  const actions = writable && rows.some((row) => row.deletable);

  return (
    <>
      <FormStatus status={shared.status} />
      {rows.length === 0 ? (
        <p className="meta">{t("funding.payments.empty")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="actuals-payments-title" tabIndex={0}>
          <table className="data-table" data-testid="funding-payments">
            <thead>
              <tr>
                <th scope="col">{t("funding.payments.paidOn")}</th>
                <th scope="col">{t("funding.payments.amount")}</th>
                <th scope="col">{t("funding.payments.note")}</th>
                <th scope="col">{t("funding.payments.recordedBy")}</th>
                {actions && <th scope="col">{t("funding.payments.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.paidOnText}</th>
                  <td>{row.amountText}</td>
                  <td>{row.note ?? ""}</td>
                  <td>{row.recordedBy ?? ""}</td>
                  {actions && (
                    <td>
                      {row.deletable && (
                        <button
                          type="button"
                          className="link-button"
                          disabled={pending}
                          aria-label={t("funding.payments.removeLabel", {
                            day: row.paidOnText,
                            amount: row.amountText,
                          })}
                          onClick={() => remove(row)}
                        >
                          {t("funding.payments.remove")}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {writable && <PaymentForm projectId={projectId} />}
    </>
  );
}

function PaymentForm({ projectId }: { projectId: string }) {
  const t = useTranslations("projectActuals");
  const required = t("required");
  const router = useRouter();
  const blank: FundingEntryInput = { projectId, paidOn: "", amount: "", note: "" };
  const { form, submit, status } = useActionForm({
    schema: fundingEntrySchema,
    defaultValues: blank,
    action: (typed) => addFundingAction(typed),
    fields: ["paidOn", "amount", "note"],
    forbidden: t("forbidden"),
    failed: t("failed"),
    onSuccess: () => {
      form.reset(blank);
      router.refresh();
      return t("funding.payments.added");
    },
  });
  return (
    <form className="form-section" onSubmit={submit} noValidate data-testid="funding-payment-form">
      <h4>{t("funding.payments.add")}</h4>
      <FormStatus status={status} />
      <div className="form-row three">
        <ActualsField
          form={form}
          prefix="actuals-payment"
          name="paidOn"
          label={t("funding.payments.paidOn")}
          hint={t("funding.payments.addHint")}
          type="date"
          required={required}
        />
        <ActualsField
          form={form}
          prefix="actuals-payment"
          name="amount"
          label={t("funding.payments.amount")}
          inputMode="decimal"
          required={required}
        />
        <ActualsField form={form} prefix="actuals-payment" name="note" label={t("funding.payments.note")} multiline />
      </div>
      <div>
        <button className="button" type="submit" disabled={form.formState.isSubmitting}>
          {t("funding.payments.save")}
        </button>
      </div>
    </form>
  );
}
