"use client";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createStageAction } from "@/lib/pipeline/actions";
import { stageCreateSchema } from "@/lib/pipeline/config-schema";
import { stageCategories } from "@/lib/leads/stage/schema";
import styles from "./config.module.css";

export function NewStageForm() {
  const t = useTranslations("pipeline.settings");
  const { form, submit, status } = useActionForm({
    schema: stageCreateSchema,
    defaultValues: { key: "", name: "", nameEn: "", category: "OPEN" },
    action: (_typed, parsed) => createStageAction(parsed),
    fields: ["key", "name", "nameEn", "category"],
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
      aria-labelledby="new-stage-heading"
    >
      <h3 id="new-stage-heading">{t("addStage")}</h3>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <Field name="new-stage-key" label={t("key")} hint={t("keyHint")} errorKey={errors.key?.message}>
        <input
          type="text"
          autoComplete="off"
          {...inputAria("new-stage-key", errors.key?.message, true)}
          {...register("key")}
        />
      </Field>
      <Field name="new-stage-name" label={t("name")} errorKey={errors.name?.message}>
        <input type="text" {...inputAria("new-stage-name", errors.name?.message)} {...register("name")} />
      </Field>
      <Field name="new-stage-nameEn" label={t("nameEn")} errorKey={errors.nameEn?.message}>
        <input type="text" {...inputAria("new-stage-nameEn", errors.nameEn?.message)} {...register("nameEn")} />
      </Field>
      <Field name="new-stage-category" label={t("category")} errorKey={errors.category?.message}>
        <select {...inputAria("new-stage-category", errors.category?.message)} {...register("category")}>
          {stageCategories.map((category) => (
            <option key={category} value={category}>
              {t(`categories.${category}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="button" disabled={isSubmitting}>
        {t("addStage")}
      </button>
    </form>
  );
}
