"use client";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createTaskAction } from "@/lib/tasks/actions";
import { newTaskSchema } from "@/lib/tasks/schema";
import styles from "./lead-detail.module.css";

/** Schedules a follow-up; the due time is typed in Beijing time. Managers may give it to someone else. */
export function TaskForm({ leadId, assignees }: { leadId: string; assignees: { id: string; name: string }[] }) {
  const t = useTranslations("leadPage");
  const empty = { leadId, title: "", dueAt: "", assigneeId: "" };
  // The schema turns the typed time into a Date; the server reads the typed text in Shanghai time itself.
  const { form, submit, status } = useActionForm({
    schema: newTaskSchema,
    defaultValues: empty,
    action: (typed) => createTaskAction(typed),
    fields: ["title", "dueAt", "assigneeId"],
    forbidden: t("forbidden"),
    onSuccess: () => {
      form.reset(empty);
      return t("tasks.created");
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-labelledby="new-task-heading"
      data-testid="task-form"
    >
      <h3 id="new-task-heading">{t("tasks.newTitle")}</h3>
      <Field
        name="task.title"
        label={t("tasks.taskTitle")}
        hint={t("tasks.taskTitleHint")}
        errorKey={errors.title?.message}
      >
        <input type="text" {...inputAria("task.title", errors.title?.message, true)} {...register("title")} />
      </Field>
      <Field name="task.dueAt" label={t("tasks.dueAt")} errorKey={errors.dueAt?.message}>
        <input type="datetime-local" {...inputAria("task.dueAt", errors.dueAt?.message)} {...register("dueAt")} />
      </Field>
      {assignees.length > 0 && (
        <Field name="task.assigneeId" label={t("tasks.assignTo")} errorKey={errors.assigneeId?.message}>
          <select {...inputAria("task.assigneeId", errors.assigneeId?.message)} {...register("assigneeId")}>
            <option value="">{t("tasks.assignDefault")}</option>
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
        {isSubmitting ? t("tasks.saving") : t("tasks.submit")}
      </button>
    </form>
  );
}
