import Link from "next/link";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import type { DeliveryRow } from "@/lib/notify/admin/log";
import { DELIVERY_FILTER_STATUSES, type DeliveryFilter } from "@/lib/notify/admin/schema";
import { TOPICS, type Topic } from "@/lib/notify/topics";
import styles from "./notify.module.css";

const PAGE = "/crm/settings/notifications";

const isTopic = (value: string): value is Topic => (TOPICS as readonly string[]).includes(value);

/** The filters as a plain GET form, so the log's address can be shared and paging keeps them. */
function query(filter: DeliveryFilter, before?: string): string {
  const params = new URLSearchParams(
    Object.entries({ ...filter, before }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return `${PAGE}?${params.toString()}#log`;
}

export async function DeliveryLog({
  rows,
  filter,
  channels,
  older,
  paged,
  badFilter,
}: {
  rows: DeliveryRow[];
  filter: DeliveryFilter;
  channels: { id: string; name: string }[];
  /** the cursor of the next page, when there is one */
  older: string | null;
  /** whether this is a page after the first */
  paged: boolean;
  badFilter: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("notifySettings"), getLocale()]);
  return (
    <>
      <form className={styles.filters} method="get" action={`${PAGE}#log`} aria-label={t("log.filter")}>
        <label>
          <span className="visually-hidden">{t("log.status")}</span>
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("log.anyStatus")}</option>
            {DELIVERY_FILTER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`log.filterStatuses.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t("log.to")}</span>
          <select name="to" defaultValue={filter.to ?? ""}>
            <option value="">{t("log.anyRecipient")}</option>
            <option value="email">{t("log.allEmail")}</option>
            {channels.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t("log.topic")}</span>
          <select name="topic" defaultValue={filter.topic ?? ""}>
            <option value="">{t("log.anyTopic")}</option>
            {TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(`topics.${topic}`)}
              </option>
            ))}
          </select>
        </label>
        <button className="button secondary" type="submit">
          {t("log.apply")}
        </button>
      </form>
      {badFilter && <p className="notice">{t("log.badFilter")}</p>}
      {rows.length === 0 ? (
        <p>{t("log.empty")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t("log.title")} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("log.when")}</th>
                <th scope="col">{t("log.topic")}</th>
                <th scope="col">{t("log.to")}</th>
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
                  <td>{isTopic(row.topic) ? t(`topics.${row.topic}`) : row.topic}</td>
                  <td>
                    {row.to.kind === "investor"
                      ? row.to.email
                        ? t("log.investorEmail", { email: row.to.email })
                        : t("log.investor")
                      : row.to.name}
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
      <p className={styles.buttons}>
        {paged && <Link href={query(filter)}>{t("log.newest")}</Link>}
        {older && <Link href={query(filter, older)}>{t("log.older")}</Link>}
      </p>
    </>
  );
}
