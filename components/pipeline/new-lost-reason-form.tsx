"use client";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createLostReasonAction } from "@/lib/pipeline/actions";
import { lostReasonCreateSchema } from "@/lib/pipeline/config-schema";
import styles from "./config.module.css";

export function NewLostReasonForm() {
  const t = useTranslations("pipeline.settings");
  const { form, submit, status } = useActionForm({
    schema: lostReasonCreateSchema,
    defaultValues: { key: "", name: "", nameEn: "", askPark: false },
    action: (_typed, parsed) => createLostReasonAction(parsed),
    fields: ["key", "name", "nameEn", "askPark"],
    forbidden: t("forbidden"),
    onSuccess: () => {
      form.reset();
      return t("added");
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  return (
    <form
      className={`card card-body ${styles.newForm}`}
      onSubmit={submit}
      noValidate
      aria-labelledby="new-reason-heading"
    >
      <h3 id="new-reason-heading">{t("addReason")}</h3>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <Field name="new-reason-key" label={t("key")} hint={t("keyHint")} errorKey={errors.key?.message}>
        <input
          type="text"
          autoComplete="off"
          {...inputAria("new-reason-key", errors.key?.message, true)}
          {...register("key")}
        />
      </Field>
      <Field name="new-reason-name" label={t("name")} errorKey={errors.name?.message}>
        <input
          type="text"
          maxLength={40}
          {...inputAria("new-reason-name", errors.name?.message)}
          {...register("name")}
        />
      </Field>
      <Field name="new-reason-nameEn" label={t("nameEn")} errorKey={errors.nameEn?.message}>
        <input
          type="text"
          maxLength={60}
          {...inputAria("new-reason-nameEn", errors.nameEn?.message)}
          {...register("nameEn")}
        />
      </Field>
      <label className={styles.check}>
        <input type="checkbox" {...register("askPark")} />
        {t("askPark")}
      </label>
      <button type="submit" className="button" disabled={isSubmitting}>
        {t("addReason")}
      </button>
    </form>
  );
}
