"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { eraseLeadPersonalDataAction } from "@/lib/leads/erase/actions";
import { confirmsCompany, eraseLeadSchema, type EraseLead } from "@/lib/leads/erase/schema";
import styles from "./care.module.css";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

/** The admin's PIPL erase: a dialog that says what goes and what stays, confirmed by typing the company name. */
export function EraseDialog({
  lead,
  onDone,
}: {
  lead: { id: string; company: string };
  onDone: (status: { ok: boolean; text: string }) => void;
}) {
  const t = useTranslations("leadCare");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [alert, setAlert] = useState<string>();
  const tv = (key?: string) => (key ? validation(key) : undefined);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<EraseLead>({
    resolver: zodResolver(eraseLeadSchema),
    defaultValues: { leadId: lead.id, confirm: "", reason: "" },
  });
  const matches = confirmsCompany(watch("confirm") ?? "", lead.company);

  const onSubmit = handleSubmit(async (values) => {
    setAlert(undefined);
    if (!confirmsCompany(values.confirm, lead.company)) {
      setError("confirm", { type: "match", message: "confirmCompany" }, { shouldFocus: true });
      return;
    }
    const answer = await eraseLeadPersonalDataAction(values);
    if (answer.ok) {
      dialog.current?.close();
      onDone({ ok: true, text: t("erase.done") });
      router.refresh();
    } else if ("error" in answer) {
      setAlert(refusal(answer, t("care.forbidden")));
    } else {
      for (const [field, key] of Object.entries(answer.fieldErrors)) {
        if (field === "confirm" || field === "reason")
          setError(field as FieldPath<EraseLead>, { type: "server", message: key });
        else setAlert(tv(key));
      }
    }
  });

  return (
    <>
      <button type="button" className={`button ${styles.danger}`} onClick={() => dialog.current?.showModal()}>
        {t("erase.open")}
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={`erase-title-${lead.id}`}>
        <form className={styles.form} onSubmit={onSubmit} noValidate>
          <h3 id={`erase-title-${lead.id}`}>{t("erase.title")}</h3>
          <p>{t("erase.explain")}</p>
          <FormMessage tone="error" answer={alert}>
            {alert}
          </FormMessage>
          <input type="hidden" {...register("leadId")} />
          <Field
            name="erase-confirm"
            label={t("erase.confirm", { company: lead.company })}
            error={tv(errors.confirm?.message)}
          >
            <input
              type="text"
              autoComplete="off"
              {...inputAria("erase-confirm", errors.confirm?.message)}
              {...register("confirm")}
            />
          </Field>
          <Field
            name="erase-reason"
            label={t("erase.reason")}
            hint={t("erase.reasonHint")}
            error={tv(errors.reason?.message)}
          >
            <textarea {...inputAria("erase-reason", errors.reason?.message, true)} {...register("reason")} />
          </Field>
          <div className={styles.dialogActions}>
            <button type="submit" className={`button ${styles.danger}`} disabled={isSubmitting || !matches}>
              {isSubmitting ? t("erase.erasing") : t("erase.submit")}
            </button>
            <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
              {t("erase.cancel")}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
