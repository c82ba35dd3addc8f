"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { createStageAction } from "@/lib/pipeline/actions";
import { stageCreateSchema, type StageCreate } from "@/lib/pipeline/config-schema";
import { stageCategories } from "@/lib/leads/stage/schema";
import { useConfigAction } from "./use-config-action";
import styles from "./config.module.css";
import { showServerErrors } from "@/components/ui/server-errors";
import { FormMessage } from "@/components/ui/form-message";

const FIELDS = ["key", "name", "nameEn", "category"];

export function NewStageForm() {
  const t = useTranslations("pipeline.settings");
  const action = useConfigAction();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<StageCreate>({
    resolver: zodResolver(stageCreateSchema),
    defaultValues: { key: "", name: "", nameEn: "", category: "OPEN" },
  });
  const mapErrors = (fieldErrors: Record<string, string>) => showServerErrors(setError, fieldErrors, FIELDS);
  const onSubmit = handleSubmit(async (values) => {
    if (await action.run(() => createStageAction(values), t("added"), mapErrors)) reset();
  });
  return (
    <form
      className={`card card-body ${styles.newForm}`}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="new-stage-heading"
    >
      <h3 id="new-stage-heading">{t("addStage")}</h3>
      <FormMessage tone={action.status?.ok ? "ok" : "error"} answer={action.status}>
        {action.status?.text}
      </FormMessage>
      <Field name="new-stage-key" label={t("key")} hint={t("keyHint")} error={action.message(errors.key?.message)}>
        <input
          type="text"
          autoComplete="off"
          {...inputAria("new-stage-key", errors.key?.message, true)}
          {...register("key")}
        />
      </Field>
      <Field name="new-stage-name" label={t("name")} error={action.message(errors.name?.message)}>
        <input type="text" {...inputAria("new-stage-name", errors.name?.message)} {...register("name")} />
      </Field>
      <Field name="new-stage-nameEn" label={t("nameEn")} error={action.message(errors.nameEn?.message)}>
        <input type="text" {...inputAria("new-stage-nameEn", errors.nameEn?.message)} {...register("nameEn")} />
      </Field>
      <Field name="new-stage-category" label={t("category")} error={action.message(errors.category?.message)}>
        <select {...inputAria("new-stage-category", errors.category?.message)} {...register("category")}>
          {stageCategories.map((category) => (
            <option key={category} value={category}>
              {t(`categories.${category}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="button" disabled={action.pending}>
        {t("addStage")}
      </button>
    </form>
  );
}
