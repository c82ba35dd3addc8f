"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { createLostReasonAction } from "@/lib/pipeline/actions";
import { lostReasonCreateSchema, type LostReasonCreate } from "@/lib/pipeline/config-schema";
import { useConfigAction } from "./use-config-action";
import styles from "./config.module.css";
import { showServerErrors } from "@/components/ui/server-errors";
import { FormMessage } from "@/components/ui/form-message";

const FIELDS = ["key", "name", "nameEn", "askPark"];

export function NewLostReasonForm() {
  const t = useTranslations("pipeline.settings");
  const action = useConfigAction();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<LostReasonCreate>({
    resolver: zodResolver(lostReasonCreateSchema),
    defaultValues: { key: "", name: "", nameEn: "", askPark: false },
  });
  const mapErrors = (fieldErrors: Record<string, string>) => showServerErrors(setError, fieldErrors, FIELDS);
  const onSubmit = handleSubmit(async (values) => {
    if (await action.run(() => createLostReasonAction(values), t("added"), mapErrors)) reset();
  });
  return (
    <form
      className={`card card-body ${styles.newForm}`}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="new-reason-heading"
    >
      <h3 id="new-reason-heading">{t("addReason")}</h3>
      <FormMessage tone={action.status?.ok ? "ok" : "error"} answer={action.status}>
        {action.status?.text}
      </FormMessage>
      <Field name="new-reason-key" label={t("key")} hint={t("keyHint")} error={action.message(errors.key?.message)}>
        <input
          type="text"
          autoComplete="off"
          {...inputAria("new-reason-key", errors.key?.message, true)}
          {...register("key")}
        />
      </Field>
      <Field name="new-reason-name" label={t("name")} error={action.message(errors.name?.message)}>
        <input
          type="text"
          maxLength={40}
          {...inputAria("new-reason-name", errors.name?.message)}
          {...register("name")}
        />
      </Field>
      <Field name="new-reason-nameEn" label={t("nameEn")} error={action.message(errors.nameEn?.message)}>
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
      <button type="submit" className="button" disabled={action.pending}>
        {t("addReason")}
      </button>
    </form>
  );
}
