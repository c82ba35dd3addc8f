"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { FormStatus, TextAreaField, TextField } from "@/components/listings-admin/form-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputAria } from "@/components/ui/field";
import { clearActualAction, recordActualAction } from "@/lib/projects/milestones/actions";
import { actualSchema, clearActualSchema } from "@/lib/projects/milestones/schema";
import type { MilestoneKind } from "@/lib/projects/types";

interface Props {
  projectId: string;
  version: number;
  kind: MilestoneKind;
  label: string;
  actualOn: string | null;
  note: string | null;
  /** the project's credit code, when it has one (注册 then does not ask again) */
  creditCode: string | null;
}

/** Records (or corrects) the day a milestone was reached; for 注册 with the 统一社会信用代码 and registered name. */
export function ActualEditor({ projectId, version, kind, label, actualOn, note, creditCode }: Props) {
  const t = useTranslations("projectMilestones");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const registered = kind === "REGISTERED";
  const defaults = {
    projectId,
    version: String(version),
    kind,
    actualOn: actualOn ?? "",
    note: note ?? "",
    ...(registered ? { creditCode: creditCode ?? "", companyName: "" } : {}),
  };
  const { form, submit, status } = useActionForm({
    schema: actualSchema,
    defaultValues: defaults,
    action: (typed) => recordActualAction({ ...typed, version: String(version) }),
    fields: ["actualOn", "note", "creditCode", "companyName"],
    forbidden: t("forbidden"),
    onSuccess: (): undefined => {
      setOpen(false);
      router.refresh();
      return undefined;
    },
  });
  const { errors } = form.formState;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (form.formState.isSubmitting) return;
        if (next) form.reset(defaults);
        setOpen(next);
      }}
      title={t("actual.title", { kind: label })}
      trigger={
        <button type="button" className="button secondary" data-testid={`actual-open-${kind}`}>
          {actualOn ? t("actual.edit") : t("actual.record")}
        </button>
      }
    >
      <form onSubmit={submit} noValidate data-testid={`actual-form-${kind}`}>
        <FormStatus status={status} />
        <TextField form={form} name="actualOn" label={t("actual.day")} type="date" required={t("required")} />
        {registered && (
          <>
            {/* Ids of their own: the commitments form on the same page has fields of these names. */}
            <Field
              name={`actual-${kind}.creditCode`}
              label={t("actual.creditCode")}
              hint={t("actual.creditCodeHelp")}
              errorKey={errors.creditCode?.message}
            >
              <input
                type="text"
                autoComplete="off"
                {...inputAria(`actual-${kind}.creditCode`, errors.creditCode?.message, true)}
                {...form.register("creditCode")}
              />
            </Field>
            <Field
              name={`actual-${kind}.companyName`}
              label={t("actual.companyName")}
              hint={t("actual.companyNameHelp")}
              errorKey={errors.companyName?.message}
            >
              <input
                type="text"
                autoComplete="off"
                {...inputAria(`actual-${kind}.companyName`, errors.companyName?.message, true)}
                {...form.register("companyName")}
              />
            </Field>
          </>
        )}
        <TextAreaField form={form} name="note" label={t("actual.note")} rows={3} />
        <div className="actions">
          <button className="button" type="submit" disabled={form.formState.isSubmitting}>
            {t("actual.save")}
          </button>
          <button type="button" className="button secondary" onClick={() => setOpen(false)}>
            {t("actual.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Takes back an actual recorded by mistake, with the reason the audit log keeps. */
export function ClearActual({
  projectId,
  version,
  kind,
  label,
}: Pick<Props, "projectId" | "version" | "kind" | "label">) {
  const t = useTranslations("projectMilestones");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const defaults = { projectId, version: String(version), kind, reason: "" };
  const { form, submit, status } = useActionForm({
    schema: clearActualSchema,
    defaultValues: defaults,
    action: (typed) => clearActualAction({ ...typed, version: String(version) }),
    fields: ["reason"],
    forbidden: t("forbidden"),
    onSuccess: (): undefined => {
      setOpen(false);
      router.refresh();
      return undefined;
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (form.formState.isSubmitting) return;
        if (next) form.reset(defaults);
        setOpen(next);
      }}
      title={t("actual.clearTitle", { kind: label })}
      trigger={
        <button type="button" className="button secondary" data-testid={`actual-clear-${kind}`}>
          {t("actual.clear")}
        </button>
      }
    >
      <form onSubmit={submit} noValidate>
        <FormStatus status={status} />
        <TextAreaField form={form} name="reason" label={t("actual.clearReason")} required={t("required")} rows={2} />
        <div className="actions">
          <button className="button danger" type="submit" disabled={form.formState.isSubmitting}>
            {t("actual.clearConfirm")}
          </button>
          <button type="button" className="button secondary" onClick={() => setOpen(false)}>
            {t("actual.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
