import type { Metadata } from "next";
import Link from "next/link";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "@/lib/audit/queries";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { parseAuditCursor } from "@/lib/audit/cursor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).crm.audit.title };
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireRole("ADMIN");
  const [locale, messages, db, params] = await Promise.all([getLocale(), getMessages(), getDb(), searchParams]);
  const entries = await listAuditEntries(db, viewer, parseAuditCursor(params.before));
  const text = messages.crm.audit;
  const last = entries.at(-1);
  return (
    <>
      <h1>{text.title}</h1>
      {entries.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{text.when}</th>
                <th scope="col">{text.who}</th>
                <th scope="col">{text.action}</th>
                <th scope="col">{text.target}</th>
                <th scope="col">{text.details}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.createdAt, locale)}</td>
                  <td>{entry.actor ? `${entry.actor.name} <${entry.actor.email}>` : text.system}</td>
                  <td>{actionLabel(text.actions, entry.action)}</td>
                  <td>
                    {entry.entityType} {entry.entityId}
                  </td>
                  <td>
                    <code>{entry.details ? JSON.stringify(entry.details) : ""}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {last && entries.length >= AUDIT_PAGE_SIZE && (
        <p>
          <Link href={`/crm/audit?before=${last.createdAt.getTime()}~${last.id}`}>{text.older}</Link>
        </p>
      )}
    </>
  );
}

function actionLabel(labels: Record<string, Record<string, string>>, action: string): string {
  const [entity, verb] = action.split(".");
  return labels[entity]?.[verb] ?? action;
}
