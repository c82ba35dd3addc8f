"use client";
import { useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { reorderLostReasonsAction, updateLostReasonAction } from "@/lib/pipeline/actions";
import { lostReasonUpdateSchema } from "@/lib/pipeline/config-schema";
import { NewLostReasonForm } from "./new-lost-reason-form";
import { shifted, useConfigAction } from "./use-config-action";
import styles from "./config.module.css";
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
  // The row's answer shows in the list's message, which its reorder and retire buttons share.
  const { form, submit } = useActionForm({
    schema: lostReasonUpdateSchema,
    defaultValues: reason,
    action: (_typed, parsed) => updateLostReasonAction({ ...parsed, active: reason.active }),
    fields: ["name", "nameEn"],
    forbidden: t("forbidden"),
    onSuccess: () => t("saved"),
    shared: action,
  });
  const {
    register,
    getValues,
    formState: { errors, isSubmitting },
  } = form;
  const ids = {
    name: `reason-${reason.key}-name`,
    nameEn: `reason-${reason.key}-nameEn`,
    askPark: `reason-${reason.key}-askPark`,
  };
  return (
    <li className={`${styles.row} ${reason.active ? "" : styles.retired}`} data-reason={reason.key}>
      <form className={styles.rowForm} onSubmit={submit} noValidate>
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
            maxLength={60}
            aria-invalid={errors.nameEn ? true : undefined}
            aria-describedby={errors.nameEn ? `${ids.nameEn}-error` : undefined}
            {...register("nameEn")}
          />
          <FieldError id={`${ids.nameEn}-error`} messageKey={errors.nameEn?.message} />
        </div>
        <label className={styles.check} htmlFor={ids.askPark}>
          <input id={ids.askPark} type="checkbox" {...register("askPark")} />
          {t("askPark")}
        </label>
        <div className="row-actions">
          <button type="submit" className="button secondary" disabled={action.pending || isSubmitting}>
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
