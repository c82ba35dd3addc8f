"use client";
import { useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { deleteStageAction, renameStageAction, reorderStagesAction } from "@/lib/pipeline/actions";
import { stageRenameSchema } from "@/lib/pipeline/config-schema";
import type { StageCategory } from "@/lib/leads/stage/schema";
import { NewStageForm } from "./new-stage-form";
import { shifted, useConfigAction } from "./use-config-action";
import styles from "./config.module.css";
import { FormMessage } from "@/components/ui/form-message";

export interface StageSetting {
  key: string;
  name: string;
  nameEn: string;
  category: StageCategory;
  inUse: boolean;
}

type Action = ReturnType<typeof useConfigAction>;

function StageRow({
  stage,
  index,
  keys,
  action,
}: {
  stage: StageSetting;
  index: number;
  keys: string[];
  action: Action;
}) {
  const t = useTranslations("pipeline.settings");
  // The row's answer shows in the list's message, which its reorder and remove buttons share.
  const { form, submit } = useActionForm({
    schema: stageRenameSchema,
    defaultValues: { key: stage.key, name: stage.name, nameEn: stage.nameEn },
    action: (_typed, parsed) => renameStageAction(parsed),
    fields: ["name", "nameEn"],
    forbidden: t("forbidden"),
    onSuccess: () => t("saved"),
    shared: action,
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const ids = { name: `stage-${stage.key}-name`, nameEn: `stage-${stage.key}-nameEn` };
  return (
    <li className={styles.row} data-stage={stage.key}>
      <form className={styles.rowForm} onSubmit={submit} noValidate>
        <p className={styles.identity}>
          <code>{stage.key}</code> · {t(`categories.${stage.category}`)}
          {stage.inUse && <span className="tag">{t("inUse")}</span>}
        </p>
        <div className="field">
          <label htmlFor={ids.name}>{t("name")}</label>
          <input
            type="text"
            id={ids.name}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${ids.name}-error` : undefined}
            {...register("name")}
          />
          <FieldError id={`${ids.name}-error`} messageKey={errors.name?.message} />
        </div>
        <div className="field">
          <label htmlFor={ids.nameEn}>{t("nameEn")}</label>
          <input
            type="text"
            id={ids.nameEn}
            aria-invalid={errors.nameEn ? true : undefined}
            aria-describedby={errors.nameEn ? `${ids.nameEn}-error` : undefined}
            {...register("nameEn")}
          />
          <FieldError id={`${ids.nameEn}-error`} messageKey={errors.nameEn?.message} />
        </div>
        <div className="row-actions">
          <button type="submit" className="button secondary" disabled={action.pending || isSubmitting}>
            {t("save")}
          </button>
          <button
            type="button"
            className="button secondary"
            aria-label={t("moveUp", { name: stage.name })}
            disabled={action.pending || index === 0}
            onClick={() => action.run(() => reorderStagesAction({ keys: shifted(keys, index, -1) }), t("saved"))}
          >
            ↑
          </button>
          <button
            type="button"
            className="button secondary"
            aria-label={t("moveDown", { name: stage.name })}
            disabled={action.pending || index === keys.length - 1}
            onClick={() => action.run(() => reorderStagesAction({ keys: shifted(keys, index, 1) }), t("saved"))}
          >
            ↓
          </button>
          <button
            type="button"
            className="button secondary"
            aria-label={t("removeLabel", { name: stage.name })}
            disabled={action.pending}
            onClick={() => action.run(() => deleteStageAction({ key: stage.key }), t("removed"))}
          >
            {t("remove")}
          </button>
        </div>
      </form>
    </li>
  );
}

/** The admin's list of stages: rename, reorder, remove (when the rules allow), and add. */
export function StageSettings({ stages }: { stages: StageSetting[] }) {
  const action = useConfigAction();
  const keys = stages.map((stage) => stage.key);
  return (
    <>
      <FormMessage tone={action.status?.ok ? "ok" : "error"} answer={action.status}>
        {action.status?.text}
      </FormMessage>
      <ol className={styles.list}>
        {stages.map((stage, index) => (
          <StageRow key={stage.key} stage={stage} index={index} keys={keys} action={action} />
        ))}
      </ol>
      <NewStageForm />
    </>
  );
}
