"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { reorderLostReasonsAction, updateLostReasonAction } from "@/lib/pipeline/actions";
import { lostReasonUpdateSchema, type LostReasonUpdate } from "@/lib/pipeline/config-schema";
import { NewLostReasonForm } from "./new-lost-reason-form";
import { shifted, useConfigAction } from "./use-config-action";
import styles from "./config.module.css";
import { showServerErrors } from "@/components/ui/server-errors";
import { FormMessage } from "@/components/ui/form-message";

export interface LostReasonSetting {
  key: string;
  name: string;
  nameEn: string;
  askPark: boolean;
  active: boolean;
}

type Action = ReturnType<typeof useConfigAction>;

function ReasonRow({
  reason,
  index,
  keys,
  action,
}: {
  reason: LostReasonSetting;
  index: number;
  keys: string[];
  action: Action;
}) {
  const t = useTranslations("pipeline.settings");
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors },
  } = useForm<LostReasonUpdate>({ resolver: zodResolver(lostReasonUpdateSchema), defaultValues: reason });
  const mapErrors = (fieldErrors: Record<string, string>) =>
    showServerErrors(setError, fieldErrors, ["name", "nameEn"]);
  const onSubmit = handleSubmit((values) =>
    action.run(() => updateLostReasonAction({ ...values, active: reason.active }), t("saved"), mapErrors),
  );
  const ids = {
    name: `reason-${reason.key}-name`,
    nameEn: `reason-${reason.key}-nameEn`,
    askPark: `reason-${reason.key}-askPark`,
  };
  return (
    <li className={`${styles.row} ${reason.active ? "" : styles.retired}`} data-reason={reason.key}>
      <form className={styles.rowForm} onSubmit={onSubmit} noValidate>
        <p className={styles.identity}>
          <code>{reason.key}</code> · {reason.active ? t("active") : t("retired")}
        </p>
        <div className="field">
          <label htmlFor={ids.name}>{t("name")}</label>
          <input
            type="text"
            id={ids.name}
            maxLength={40}
            aria-invalid={errors.name ? true : undefined}
            {...register("name")}
          />
          {errors.name && <p className="field-error">{action.message(errors.name.message)}</p>}
        </div>
        <div className="field">
          <label htmlFor={ids.nameEn}>{t("nameEn")}</label>
          <input
            type="text"
            id={ids.nameEn}
            maxLength={60}
            aria-invalid={errors.nameEn ? true : undefined}
            {...register("nameEn")}
          />
          {errors.nameEn && <p className="field-error">{action.message(errors.nameEn.message)}</p>}
        </div>
        <label className={styles.check} htmlFor={ids.askPark}>
          <input id={ids.askPark} type="checkbox" {...register("askPark")} />
          {t("askPark")}
        </label>
        <div className="row-actions">
          <button type="submit" className="button secondary" disabled={action.pending}>
            {t("save")}
          </button>
          <button
            type="button"
            className="button secondary"
            aria-label={t("moveUp", { name: reason.name })}
            disabled={action.pending || index === 0}
            onClick={() => action.run(() => reorderLostReasonsAction({ keys: shifted(keys, index, -1) }), t("saved"))}
          >
            ↑
          </button>
          <button
            type="button"
            className="button secondary"
            aria-label={t("moveDown", { name: reason.name })}
            disabled={action.pending || index === keys.length - 1}
            onClick={() => action.run(() => reorderLostReasonsAction({ keys: shifted(keys, index, 1) }), t("saved"))}
          >
            ↓
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={action.pending}
            onClick={() =>
              action.run(
                () => updateLostReasonAction({ ...reason, ...getValues(), active: !reason.active }),
                t("saved"),
              )
            }
          >
            {reason.active ? t("retire") : t("restore")}
          </button>
        </div>
      </form>
    </li>
  );
}

/** The admin's lost reasons: rename, "which park?" flag, reorder, retire or reactivate, and add. */
export function LostReasonSettings({ reasons }: { reasons: LostReasonSetting[] }) {
  const action = useConfigAction();
  const keys = reasons.map((reason) => reason.key);
  return (
    <>
      <FormMessage tone={action.status?.ok ? "ok" : "error"} answer={action.status}>
        {action.status?.text}
      </FormMessage>
      <ol className={styles.list}>
        {reasons.map((reason, index) => (
          <ReasonRow key={reason.key} reason={reason} index={index} keys={keys} action={action} />
        ))}
      </ol>
      <NewLostReasonForm />
    </>
  );
}
