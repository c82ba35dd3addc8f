import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { SupervisionItem as Item } from "@/lib/projects/supervision/queries";
import { dayText } from "./day-text";
import { SupervisionSteps } from "./supervision-steps";
import styles from "./supervision.module.css";

/** One 督办 item: what, who, by when, whether it is overdue or escalated, its thread and the viewer's steps. */
export async function SupervisionItem({ item }: { item: Item }) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("supervision.item")]);
  const entryKind = (kind: string) => term(messages.vocabulary, "supervisionEntryKind", kind);
  const headingId = `supervision-${item.id}`;
  return (
    <li className={styles.item} data-supervision={item.id} data-status={item.status} data-overdue={item.overdue}>
      <div className={styles.head}>
        <h3 id={headingId} className={styles.title}>
          {item.title}
        </h3>
        <span className={`tag ${styles.status}`} data-status={item.status}>
          {term(messages.vocabulary, "supervisionStatus", item.status)}
        </span>
        {item.overdue && <strong className={`tag ${styles.overdue}`}>{t("overdue")}</strong>}
        {item.escalatedAt && <strong className={`tag ${styles.escalated}`}>{t("escalated")}</strong>}
      </div>
      <p className={styles.facts}>
        <span className={item.overdue ? styles.late : undefined}>
          {t("due", { date: dayText(item.dueOn, locale) })}
        </span>
        <span>{t("assignee", { name: item.assignee.name })}</span>
        <span>{t("openedBy", { name: item.openedBy.name, time: formatDateTime(item.createdAt, locale) })}</span>
      </p>
      <h4 className={styles.threadTitle}>{t("thread")}</h4>
      {item.entries.length === 0 ? (
        <p className="meta">{t("noEntries")}</p>
      ) : (
        <ol className={styles.thread}>
          {item.entries.map((entry) => (
            <li key={entry.id} className={styles.entry} data-kind={entry.kind}>
              <p className={styles.entryHead}>
                {entry.authorName
                  ? t("by", {
                      kind: entryKind(entry.kind),
                      name: entry.authorName,
                      time: formatDateTime(entry.createdAt, locale),
                    })
                  : t("bySystem", { kind: entryKind(entry.kind), time: formatDateTime(entry.createdAt, locale) })}
              </p>
              {entry.body && <p className={styles.body}>{entry.body}</p>}
              {entry.kind === "ESCALATION" && <p className={styles.body}>{t("escalatedText")}</p>}
            </li>
          ))}
        </ol>
      )}
      <SupervisionSteps item={{ id: item.id, version: item.version, title: item.title }} can={item.can} />
    </li>
  );
}
