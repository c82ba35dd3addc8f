import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import type { LeadDetail } from "@/lib/leads/detail/queries";
import styles from "./lead-detail.module.css";
import { TaskForm } from "./task-form";
import { TaskToggle } from "./task-toggle";

/** Follow-ups: open ones first, soonest due first and flagged when overdue; done ones after. */
export async function TaskList({ detail }: { detail: LeadDetail }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = await getTranslations();
  const text = messages.leadPage.tasks;
  return (
    <section className="panel" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">{text.title}</h2>
      {detail.tasks.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <ul className={styles.list} data-testid="lead-tasks">
          {detail.tasks.map((task) => (
            <li
              key={task.id}
              className={styles.item}
              data-overdue={task.overdue || undefined}
              data-done={task.doneAt ? true : undefined}
            >
              <div className={styles.itemHead}>
                <strong className={task.doneAt ? styles.done : undefined}>{task.title}</strong>
                {detail.can.work && <TaskToggle taskId={task.id} done={task.doneAt !== null} title={task.title} />}
              </div>
              <p className="meta">
                {task.doneAt ? (
                  t("leadPage.tasks.done", { date: formatDateTime(task.doneAt, locale) })
                ) : (
                  <>
                    {t("leadPage.tasks.due", { date: formatDateTime(task.dueAt, locale) })}
                    {task.overdue && <strong className={styles.overdue}> · {text.overdue}</strong>}
                  </>
                )}
                {" · "}
                {t("leadPage.tasks.assignee", { name: task.assignee.name })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {detail.can.work && <TaskForm leadId={detail.lead.id} assignees={detail.assignees} />}
    </section>
  );
}
