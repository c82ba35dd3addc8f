"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTranslations } from "use-intl";
import { FormStatus, SelectField } from "@/components/listings-admin/form-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { changeProjectOwnerAction } from "@/lib/projects/register/actions";
import { ownerChangeSchema } from "@/lib/projects/register/schema";

/** Managers give the project to another active officer; the page then shows the new owner. */
export function OwnerForm({
  projectId,
  version,
  ownerId,
  owners,
}: {
  projectId: string;
  version: number;
  ownerId: string | null;
  owners: { id: string; name: string }[];
}) {
  const t = useTranslations("projects.owner");
  const router = useRouter();
  const { form, submit, status } = useActionForm({
    schema: ownerChangeSchema,
    defaultValues: { projectId, version: String(version), ownerId: ownerId ?? "" },
    action: (typed) => changeProjectOwnerAction(typed),
    fields: ["ownerId"],
    forbidden: t("forbidden"),
    onSuccess: (answer, typed): string => {
      form.reset({ ...typed, version: String(answer.version) });
      router.refresh();
      return t("saved");
    },
  });
  // The page re-rendered after another change to the project (a milestone, the owner): its version is the one to send.
  useEffect(() => form.setValue("version", String(version)), [form, version]);
  return (
    <form onSubmit={submit} noValidate data-testid="owner-form">
      <SelectField
        form={form}
        name="ownerId"
        label={t("label")}
        options={owners.map((owner) => ({ value: owner.id, label: owner.name }))}
        placeholder=""
      />
      <button className="button secondary" type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("saving") : t("save")}
      </button>
      <FormStatus status={status} />
    </form>
  );
}
