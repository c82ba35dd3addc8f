"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { deleteStageAction, renameStageAction, reorderStagesAction } from "@/lib/pipeline/actions";
import { stageRenameSchema, type StageRename } from "@/lib/pipeline/config-schema";
import type { StageCategory } from "@/lib/leads/stage/schema";
import { NewStageForm } from "./new-stage-form";
import { shifted, useConfigAction } from "./use-config-action";
import styles from "./config.module.css";
import { showServerErrors } from "@/components/ui/server-errors";
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
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<StageRename>({
    resolver: zodResolver(stageRenameSchema),
    defaultValues: { key: stage.key, name: stage.name, nameEn: stage.nameEn },
  });
  const mapErrors = (fieldErrors: Record<string, string>) =>
    showServerErrors(setError, fieldErrors, ["name", "nameEn"]);
  const onSubmit = handleSubmit((values) => action.run(() => renameStageAction(values), t("saved"), mapErrors));
  const ids = { name: `stage-${stage.key}-name`, nameEn: `stage-${stage.key}-nameEn` };
  return (
    <li className={styles.row} data-stage={stage.key}>
      <form className={styles.rowForm} onSubmit={onSubmit} noValidate>
        <p className={styles.identity}>
          <code>{stage.key}</code> · {t(`categories.${stage.category}`)}
          {stage.inUse && <span className="tag">{t("inUse")}</span>}
        </p>
        <div className="field">
          <label htmlFor={ids.name}>{t("name")}</label>
          <input type="text" id={ids.name} aria-invalid={errors.name ? true : undefined} {...register("name")} />
          {errors.name && <p className="field-error">{action.message(errors.name.message)}</p>}
        </div>
        <div className="field">
          <label htmlFor={ids.nameEn}>{t("nameEn")}</label>
          <input type="text" id={ids.nameEn} aria-invalid={errors.nameEn ? true : undefined} {...register("nameEn")} />
          {errors.nameEn && <p className="field-error">{action.message(errors.nameEn.message)}</p>}
        </div>
        <div className="row-actions">
          <button type="submit" className="button secondary" disabled={action.pending}>
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
