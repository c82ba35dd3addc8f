import Link from "next/link";
import type { Metadata } from "next";
import { BulkActions } from "@/components/leads/inbox/bulk-actions";
import { inboxHref, type InboxView } from "@/components/leads/inbox/inbox-href";
import { InboxFilters } from "@/components/leads/inbox/inbox-filters";
import { InboxPagination } from "@/components/leads/inbox/inbox-pagination";
import { InboxTable } from "@/components/leads/inbox/inbox-table";
import styles from "@/components/leads/inbox/inbox.module.css";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { managesLeads } from "@/lib/leads/access";
import { listInbox } from "@/lib/leads/inbox/queries";
import { inboxFilterOptions } from "@/lib/leads/filter/options";
import { inboxParamLabel, parseInboxParams } from "@/lib/leads/inbox/schema";
import { I18nProvider } from "@/components/i18n-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).inbox.title };
}

export default async function LeadsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireUser();
  const [params, db, locale, messages, t] = await Promise.all([
    searchParams,
    getDb(),
    getLocale(),
    getMessages(),
    getTranslations(),
  ]);
  const { query, invalid } = parseInboxParams(params);
  const now = new Date();
  const [first, options] = await Promise.all([listInbox(db, viewer, query, now), inboxFilterOptions(db, viewer)]);
  // A cursor that was altered or outlived its order: say so and show the first page.
  const badCursor = !first.ok && "cursor" in first.fieldErrors;
  const result = badCursor ? await listInbox(db, viewer, { ...query, cursor: undefined }, now) : first;
  if (!result.ok) throw new Error(`inbox refused a parsed query: ${JSON.stringify(result.fieldErrors)}`);

  const view: InboxView = { filter: query.filter, sort: result.sort, direction: result.direction };
  const text = messages.inbox;
  const canAssign = managesLeads(viewer);
  return (
    <I18nProvider namespaces={["inbox", "units", "validation"]}>
      <>
        <div className={styles.toolbar}>
          <h1>{text.title}</h1>
          {canAssign && (
            <Link href="/crm/leads/duplicates" className="button secondary">
              {text.duplicates}
            </Link>
          )}
          {viewer.role === "ADMIN" && (
            <Link href="/crm/leads/import" className="button secondary">
              {messages.leadImport.page.link}
            </Link>
          )}
          <a href={inboxHref(view, "/crm/leads/export")} className="button secondary" download>
            {text.exportCsv}
          </a>
          <a href={inboxHref(view, "/crm/leads/export", "xlsx")} className="button secondary" download>
            {text.exportXlsx}
          </a>
        </div>
        {invalid.length > 0 && (
          <p className="notice" role="alert">
            {t("inbox.invalidFilter", { fields: invalid.map((name) => inboxParamLabel(name, messages)).join("、") })}
          </p>
        )}
        {badCursor && (
          <p className="notice" role="alert">
            {text.badCursor}
          </p>
        )}
        <InboxFilters view={view} options={options} showOwners={canAssign} />
        {result.rows.length === 0 ? (
          <p className="panel">{text.empty}</p>
        ) : (
          <>
            <p className="meta">{t("inbox.count", { count: result.rows.length })}</p>
            <InboxTable rows={result.rows} view={view} now={now} userId={viewer.id} />
          </>
        )}
        <InboxPagination view={view} next={result.next} previous={result.previous} paged={result.paged} />
        <BulkActions
          canAssign={canAssign}
          owners={options.owners.map((owner) => ({ key: owner.id, label: owner.name }))}
          stages={options.stages.map((stage) => ({
            key: stage.key,
            label: localized(locale, stage.name, stage.nameEn),
            category: stage.category,
          }))}
          lostReasons={options.lostReasons.map((reason) => ({
            key: reason.key,
            label: localized(locale, reason.name, reason.nameEn),
            askPark: reason.askPark,
          }))}
        />
      </>
    </I18nProvider>
  );
}
