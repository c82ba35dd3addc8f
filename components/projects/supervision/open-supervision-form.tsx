"use client";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import { openSupervisionAction } from "@/lib/projects/supervision/actions";
import { openSupervisionSchema, TITLE_MAX } from "@/lib/projects/supervision/schema";
import styles from "./supervision.module.css";

/** Opens a 督办 item (managers): what must happen, who does it (the project's owner by default), by which day. */
export function OpenSupervisionForm({
  projectId,
  ownerId,
  assignees,
  today,
}: {
  projectId: string;
  ownerId: string | null;
  assignees: { id: string; name: string; owner: boolean }[];
  /** today in Shanghai, the earliest due day */
  today: string;
}) {
  const t = useTranslations("supervision");
  // Sent before the page's scripts run, the form would go nowhere but into the address: wait for them.
  const hydrated = useHydrated();
  const defaultAssignee = assignees.some((user) => user.id === ownerId) ? (ownerId ?? "") : "";
  const empty = { projectId, title: "", assigneeId: defaultAssignee, dueOn: "" };
  const { form, submit, status } = useActionForm({
    schema: openSupervisionSchema,
    defaultValues: empty,
    action: (typed) => openSupervisionAction(typed),
    fields: ["title", "assigneeId", "dueOn"],
    forbidden: t("forbidden"),
    failed: t("failed"),
    onSuccess: () => {
      form.reset(empty);
      return t("open.opened");
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form
      className={styles.openForm}
      onSubmit={submit}
      noValidate
      aria-labelledby="open-supervision-heading"
      data-testid="open-supervision"
    >
      <h3 id="open-supervision-heading">{t("open.heading")}</h3>
      <Field
        name="supervision.title"
        label={t("open.title")}
        hint={t("open.titleHint")}
        errorKey={errors.title?.message}
      >
        <textarea
          rows={2}
          maxLength={TITLE_MAX}
          {...inputAria("supervision.title", errors.title?.message, true)}
          {...register("title")}
        />
      </Field>
      <div className="form-row two">
        <Field
          name="supervision.assigneeId"
          label={t("open.assignee")}
          hint={t("open.assigneeHint")}
          errorKey={errors.assigneeId?.message}
        >
          <select
            {...inputAria("supervision.assigneeId", errors.assigneeId?.message, true)}
            {...register("assigneeId")}
          >
            {defaultAssignee === "" && <option value="">{t("open.choose")}</option>}
            {assignees.map((user) => (
              <option key={user.id} value={user.id}>
                {user.owner ? t("open.owner", { name: user.name }) : user.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="supervision.dueOn"
          label={t("open.dueOn")}
          hint={t("open.dueOnHint")}
          errorKey={errors.dueOn?.message}
        >
          <input
            type="date"
            min={today}
            {...inputAria("supervision.dueOn", errors.dueOn?.message, true)}
            {...register("dueOn")}
          />
        </Field>
      </div>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <p>
        <button className="button" type="submit" disabled={isSubmitting || !hydrated}>
          {isSubmitting ? t("open.saving") : t("open.submit")}
        </button>
      </p>
    </form>
  );
}
