import { PhoneLink } from "@/components/ui/phone-link";
import { deadlineWords } from "@/lib/calendar/deadline-words";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import type { InquiryStatus } from "@/lib/inquiries/status/queries";
import { privacyOperator } from "@/lib/privacy/notice";
import styles from "./status.module.css";

type Steps = Extract<InquiryStatus, { erased: false }>["steps"];

/** Received → assigned (the officer and their work phone) → contacted, with the promised time until then. */
export async function StatusSteps({ steps, now }: { steps: Steps; now: Date }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("inquiryStatus.page")]);
  const date = (value: Date) => formatDateTime(value, locale);
  const operatorPhone = privacyOperator().phone;
  const rows = [
    { key: "received", title: t("received"), done: true, text: t("receivedAt", { date: date(steps.receivedAt) }) },
    {
      key: "assigned",
      title: t("assigned"),
      done: steps.assigned !== null,
      text: steps.assigned ? t("assignedTo", { name: steps.assigned.name }) : t("assigning"),
      phone: steps.assigned?.workPhone ?? null,
    },
    {
      key: "contacted",
      title: t("contacted"),
      done: steps.contactedAt !== null,
      text: steps.contactedAt
        ? t("contactedAt", { date: date(steps.contactedAt) })
        : !steps.dueAt
          ? null
          : steps.dueAt > now
            ? t("promised", { deadline: deadlineWords(steps.dueAt, locale, steps.promiseHours) })
            : t.rich("late", {
                date: date(steps.dueAt),
                phone: operatorPhone,
                tel: (number) => <PhoneLink phone={operatorPhone}>{number}</PhoneLink>,
              }),
    },
  ];
  return (
    <section aria-labelledby="status-steps">
      <h2 id="status-steps">{t("steps")}</h2>
      <ol className={styles.steps}>
        {rows.map((row) => (
          <li
            key={row.key}
            className={row.done ? `${styles.step} ${styles.done}` : styles.step}
            data-step={row.key}
            data-done={row.done ? "true" : "false"}
          >
            <span className={styles.mark} aria-hidden="true" />
            <strong>{row.title}</strong>{" "}
            <span className="visually-hidden">({row.done ? t("done") : t("pending")})</span>
            {row.text && <p>{row.text}</p>}
            {row.phone && (
              <p>
                <PhoneLink phone={row.phone} data-testid="officer-phone">
                  {t("call", { phone: row.phone })}
                </PhoneLink>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
