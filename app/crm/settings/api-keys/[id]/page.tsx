import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import styles from "@/components/api-keys/api-keys.module.css";
import { KeyState, ScopeList } from "@/components/api-keys/key-cells";
import { SettingsNav } from "@/components/settings/settings-nav";
import { DataTable } from "@/components/ui/data-table";
import { REQUEST_LOG_RETENTION_DAYS } from "@/lib/api/keys/log";
import { apiKeyRequests } from "@/lib/api/keys/queries";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).apiKeys.log.label };
}

type Params = Record<string, string | string[] | undefined>;

export default async function ApiKeyLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Params>;
}) {
  const viewer = await requireRole("ADMIN");
  const [{ id }, query, locale, messages, t, db] = await Promise.all([
    params,
    searchParams,
    getLocale(),
    getMessages(),
    getTranslations("apiKeys"),
    getDb(),
  ]);
  const before = Array.isArray(query.before) ? query.before[0] : query.before;
  const found = await apiKeyRequests(db, viewer, id, before);
  if (!found) notFound();
  const { key, requests, older, paged, lastDay } = found;
  const text = messages.apiKeys.log;
  const list = messages.apiKeys.list;
  const now = new Date();
  return (
    <>
      <h1>{messages.crm.nav.settings}</h1>
      <SettingsNav current="apiKeys" />
      <p>
        <Link href="/crm/settings/api-keys">{text.back}</Link>
      </p>
      <h2>{t("log.title", { name: key.name })}</h2>
      <dl className={styles.facts}>
        <dt>{list.prefix}</dt>
        <dd>
          <code>{key.prefix}…</code>
        </dd>
        <dt>{list.scopes}</dt>
        <dd>
          <ScopeList scopes={key.scopes} />
        </dd>
        <dt>{list.park}</dt>
        <dd>{key.park ? localized(locale, key.park.name, key.park.nameEn) : list.allParks}</dd>
        <dt>{list.expires}</dt>
        <dd>
          <KeyState part="expiry" apiKey={key} now={now} />
        </dd>
        <dt>{list.rateLimit}</dt>
        <dd>{t("list.perMinute", { n: key.rateLimit })}</dd>
        <dt>{list.lastUsed}</dt>
        <dd>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : list.neverUsed}</dd>
        <dt>{list.status}</dt>
        <dd>
          <KeyState part="status" apiKey={key} now={now} />
        </dd>
      </dl>
      <section aria-labelledby="api-key-last-day">
        <h3 id="api-key-last-day">{text.lastDay}</h3>
        {lastDay.length === 0 ? (
          <p>{text.lastDayEmpty}</p>
        ) : (
          <ul className={styles.counts}>
            {lastDay.map((row) => (
              <li key={row.status}>
                {t("log.statusCount", { status: row.status, count: formatNumber(row.count, locale) })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="api-key-requests">
        <h3 id="api-key-requests">{text.label}</h3>
        <p className="hint">{t("log.kept", { days: REQUEST_LOG_RETENTION_DAYS })}</p>
        {requests.length === 0 ? (
          <p>{paged ? text.olderEmpty : text.empty}</p>
        ) : (
          <DataTable
            id="api-key-requests"
            userId={viewer.id}
            label={text.label}
            chooserLabel={text.columns}
            columns={[
              { id: "time", label: text.time },
              { id: "method", label: text.method },
              { id: "path", label: text.path },
              { id: "status", label: text.status, numeric: true },
              { id: "duration", label: text.duration, numeric: true },
            ]}
            rows={requests.map((request) => ({
              id: request.id,
              cells: {
                time: formatDateTime(request.createdAt, locale),
                method: request.method,
                path: <code>{request.path}</code>,
                status: request.status,
                duration: t("log.ms", { n: request.durationMs }),
              },
            }))}
          />
        )}
        {(paged || older) && (
          <nav className={styles.pager} aria-label={text.label}>
            {paged && <Link href={`/crm/settings/api-keys/${key.id}`}>{text.newest}</Link>}
            {older && <Link href={`/crm/settings/api-keys/${key.id}?before=${older}`}>{text.older}</Link>}
          </nav>
        )}
      </section>
    </>
  );
}
