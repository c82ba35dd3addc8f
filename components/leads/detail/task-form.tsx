"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { validationMessage } from "@/lib/i18n/validation";
import { createTaskAction } from "@/lib/tasks/actions";
import { newTaskSchema, type NewTask, type NewTaskInput } from "@/lib/tasks/schema";
import styles from "./lead-detail.module.css";
import { showServerErrors } from "@/components/ui/server-errors";
import { FormMessage } from "@/components/ui/form-message";
import { refusalText } from "@/components/ui/refusal";

/** Schedules a follow-up; the due time is typed in Beijing time. Managers may give it to someone else. */
export function TaskForm({ leadId, assignees }: { leadId: string; assignees: { id: string; name: string }[] }) {
  const t = useTranslations();
  const tv = (key?: string) => (key ? validationMessage((k, v) => t(k as never, v as never), key) : undefined);
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<NewTaskInput, unknown, NewTask>({
    resolver: zodResolver(newTaskSchema),
    defaultValues: { leadId, title: "", dueAt: "", assigneeId: "" },
  });

  // The schema turns the typed time into a Date; the server reads the typed text in Shanghai time itself.
  const onSubmit = handleSubmit(async () => {
    setStatus(undefined);
    const answer = await createTaskAction(getValues());
    if (answer.ok) {
      setStatus({ ok: true, text: t("leadPage.tasks.created") });
      reset({ leadId, title: "", dueAt: "", assigneeId: "" });
    } else if ("error" in answer) {
      setStatus({ ok: false, text: refusalText(t, answer, t("leadPage.forbidden")) });
    } else {
      showServerErrors(setError, answer.fieldErrors);
      if (answer.fieldErrors.leadId) setStatus({ ok: false, text: tv(answer.fieldErrors.leadId)! });
    }
  });

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="new-task-heading" data-testid="task-form">
      <h3 id="new-task-heading">{t("leadPage.tasks.newTitle")}</h3>
      <Field name="task.title" label={t("leadPage.tasks.taskTitle")} hint={t("leadPage.tasks.taskTitleHint")} error={tv(errors.title?.message)}>
        <input type="text" {...inputAria("task.title", errors.title?.message, true)} {...register("title")} />
      </Field>
      <Field name="task.dueAt" label={t("leadPage.tasks.dueAt")} error={tv(errors.dueAt?.message)}>
        <input type="datetime-local" {...inputAria("task.dueAt", errors.dueAt?.message)} {...register("dueAt")} />
      </Field>
      {assignees.length > 0 && (
        <Field name="task.assigneeId" label={t("leadPage.tasks.assignTo")} error={tv(errors.assigneeId?.message)}>
          <select {...inputAria("task.assigneeId", errors.assigneeId?.message)} {...register("assigneeId")}>
            <option value="">{t("leadPage.tasks.assignDefault")}</option>
            {assignees.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <button className="button" type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("leadPage.tasks.saving") : t("leadPage.tasks.submit")}
      </button>
    </form>
  );
}
