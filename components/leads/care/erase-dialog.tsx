"use client";
import { useRouter } from "next/navigation";
import type { RefObject } from "react";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field, inputAria } from "@/components/ui/field";
import { eraseLeadPersonalDataAction } from "@/lib/leads/erase/actions";
import { confirmsCompany, eraseLeadSchema } from "@/lib/leads/erase/schema";
import styles from "./care.module.css";
import { FormMessage } from "@/components/ui/form-message";

/**
 * The admin's PIPL erase: a dialog that says what goes and what stays, confirmed by typing the
 * company name. Opened from the lead's "more actions" menu, which gets focus back when it closes.
 */
export function EraseDialog({
  lead,
  open,
  onOpenChange,
  returnFocus,
  onDone,
}: {
  lead: { id: string; company: string };
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocus: RefObject<HTMLElement | null>;
  onDone: (status: { ok: boolean; text: string }) => void;
}) {
  const t = useTranslations("leadCare");
  const router = useRouter();
  const { form, submit, status } = useActionForm({
    schema: eraseLeadSchema,
    defaultValues: { leadId: lead.id, confirm: "", reason: "" },
    // The typed name must be the lead's company, which the schema does not know: checked here first,
    // answered as the server would answer a wrong one.
    action: (_typed, values) =>
      confirmsCompany(values.confirm, lead.company)
        ? eraseLeadPersonalDataAction(values)
        : Promise.resolve({ ok: false as const, fieldErrors: { confirm: "confirmCompany" } }),
    fields: ["confirm", "reason"],
    forbidden: t("care.forbidden"),
    onSuccess: () => {
      onOpenChange(false);
      onDone({ ok: true, text: t("erase.done") });
      router.refresh();
      return undefined;
    },
  });
  const {
    register,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  const matches = confirmsCompany(watch("confirm") ?? "", lead.company);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !isSubmitting && onOpenChange(next)}
      title={t("erase.title")}
      description={t("erase.explain")}
      returnFocus={returnFocus}
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <FormMessage tone="error" answer={status}>
          {status?.text}
        </FormMessage>
        <input type="hidden" {...register("leadId")} />
        <Field
          name="erase-confirm"
          label={t("erase.confirm", { company: lead.company })}
          errorKey={errors.confirm?.message}
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
          errorKey={errors.reason?.message}
        >
          <textarea {...inputAria("erase-reason", errors.reason?.message, true)} {...register("reason")} />
        </Field>
        <div className={styles.dialogActions}>
          <button type="submit" className="button danger" disabled={isSubmitting || !matches}>
            {isSubmitting ? t("erase.erasing") : t("erase.submit")}
          </button>
          <DialogClose asChild>
            <button type="button" className="button secondary" disabled={isSubmitting}>
              {t("erase.cancel")}
            </button>
          </DialogClose>
        </div>
      </form>
    </Dialog>
  );
}
