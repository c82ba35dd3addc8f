import type { Metadata } from "next";
import Link from "next/link";
import { I18nProvider } from "@/components/i18n-provider";
import { CloseRequestButton } from "@/components/privacy/requests/close-request-button";
import styles from "@/components/privacy/requests/requests.module.css";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { listPrivacyRequests } from "@/lib/privacy/requests/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).privacyRequests.list.title };
}

export default async function PrivacyRequestsPage() {
  const viewer = await requireRole("ADMIN");
  const [db, locale, t] = await Promise.all([getDb(), getLocale(), getTranslations("privacyRequests")]);
  const requests = await listPrivacyRequests(db, viewer);
  const date = (value: Date) => formatDateTime(value, locale);
  return (
    <I18nProvider namespaces={["privacyRequests", "validation"]}>
      <h1>{t("list.title")}</h1>
      <p className="meta">{t("list.lead")}</p>
      {requests.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t("list.title")} tabIndex={0}>
          <table className="data-table" data-testid="privacy-requests">
            <thead>
              <tr>
                <th scope="col">{t("list.company")}</th>
                <th scope="col">{t("list.kind")}</th>
                <th scope="col">{t("list.received")}</th>
                <th scope="col">{t("list.due")}</th>
                <th scope="col">{t("list.state")}</th>
                <th scope="col">{t("list.closed")}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <tr
                  key={request.id}
                  data-request={request.id}
                  data-status={request.status}
                  data-overdue={request.overdue ? "true" : undefined}
                  className={request.overdue ? styles.overdue : undefined}
                >
                  <td>
                    <Link href={`/crm/leads/${request.lead.id}`}>{request.lead.company}</Link>
                    {request.lead.erasedAt && <span className="tag">{t("list.erased")}</span>}
                  </td>
                  <td>{t(`kind.${request.kind}`)}</td>
                  <td>{date(request.createdAt)}</td>
                  <td>
                    <span className={styles.due}>{date(request.dueAt)}</span>
                  </td>
                  <td>
                    {request.status === "DONE" ? t("list.done") : request.overdue ? t("list.overdue") : t("list.open")}
                  </td>
                  <td>
                    {request.status === "DONE" && request.closedAt ? (
                      request.closedBy ? (
                        t("list.closedBy", { date: date(request.closedAt), name: request.closedBy.name })
                      ) : (
                        t("list.closedBySystem", { date: date(request.closedAt) })
                      )
                    ) : request.kind === "WITHDRAW" ? (
                      <CloseRequestButton requestId={request.id} />
                    ) : (
                      <Link href={`/crm/leads/${request.lead.id}`}>{t("list.openLead")}</Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </I18nProvider>
  );
}
