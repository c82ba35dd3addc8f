import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { isWebhookType, webhookMessageKey } from "@/lib/webhooks/events";
import type { SubscriptionRow } from "@/lib/webhooks/queries";
import styles from "./webhooks.module.css";

/** A subscription's latest deliveries: sent, retrying or dead, the tries and the receiver's answer. */
export async function SubscriptionLog({ subscription }: { subscription: SubscriptionRow }) {
  const [t, locale] = await Promise.all([getTranslations("webhooks"), getLocale()]);
  const rows = subscription.deliveries;
  const label = t("log.title", { name: subscription.name });
  return (
    <details className={styles.log} open={rows.some((row) => row.status !== "SENT")}>
      <summary>{t("log.summary", { count: rows.length })}</summary>
      {rows.length === 0 ? (
        <p>{t("log.empty")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("log.when")}</th>
                <th scope="col">{t("log.event")}</th>
                <th scope="col">{t("log.status")}</th>
                <th scope="col">{t("log.attempts")}</th>
                <th scope="col">{t("log.nextAttempt")}</th>
                <th scope="col">{t("log.answer")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-delivery={row.id} data-status={row.status}>
                  <td>{formatDateTime(row.createdAt, locale)}</td>
                  <td>
                    {isWebhookType(row.topic) ? t(`events.${webhookMessageKey(row.topic)}`) : row.topic}{" "}
                    <code>{row.topic}</code>
                  </td>
                  <td>{t(`log.statuses.${row.status}`)}</td>
                  <td>{row.attempts}</td>
                  <td>{row.nextAttemptAt ? formatDateTime(row.nextAttemptAt, locale) : ""}</td>
                  <td className={styles.answer}>{row.answer ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
