import type { Metadata } from "next";
import Link from "next/link";
import { SupervisionFilters } from "@/components/projects/supervision/supervision-filters";
import { SupervisionTable } from "@/components/projects/supervision/supervision-table";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages, getTranslations } from "@/lib/i18n/server";
import { managesProjects } from "@/lib/projects/access";
import { supervisionList } from "@/lib/projects/supervision/queries";
import type { SupervisionFilter } from "@/lib/projects/supervision/schema";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).supervision.list.title };
}

/** The ledger's address under `filter` at `page`. */
function addressOf(filter: SupervisionFilter, page: number): string {
  const query = new URLSearchParams();
  if (filter.status !== "unfinished") query.set("status", filter.status);
  for (const name of ["overdue", "mine", "terminated"] as const) if (filter[name]) query.set(name, "1");
  if (filter.q) query.set("q", filter.q);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/crm/projects/supervision?${text}` : "/crm/projects/supervision";
}

/** /crm/projects/supervision, the 督办台账: items in the viewer's scope, overdue first, filtered by the address. */
export default async function SupervisionLedgerPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireUser();
  const [query, db, messages, t] = await Promise.all([
    searchParams,
    getDb(),
    getMessages(),
    getTranslations("supervision.list"),
  ]);
  const asked = await supervisionList(db, viewer, query);
  // An address no form makes (a hand-edited one) shows the default ledger and says so, never an error page.
  const list = asked.ok ? asked : await supervisionList(db, viewer, {});
  if (!list.ok) throw new Error("the default 督办 filter was refused");
  const text = messages.supervision.list;
  const { filter, total, pageSize } = list;
  return (
    <>
      <p className="meta">
        <Link href="/crm/projects">{text.projects}</Link>
      </p>
      <h1>{text.title}</h1>
      <p className="meta">{text.intro}</p>
      {!asked.ok && <p className="notice">{text.invalid}</p>}
      <SupervisionFilters filter={filter} manager={managesProjects(viewer)} />
      <p className="meta" data-testid="supervision-count">
        {t("count", { count: total })}
      </p>
      {list.rows.length === 0 ? (
        <p className="empty">{text.empty}</p>
      ) : (
        <SupervisionTable rows={list.rows} userId={viewer.id} />
      )}
      {(filter.page > 1 || filter.page * pageSize < total) && (
        <nav aria-label={text.pages} className="pager">
          {filter.page > 1 && <Link href={addressOf(filter, filter.page - 1)}>{text.previous}</Link>}
          <span>{t("page", { page: filter.page })}</span>
          {filter.page * pageSize < total && <Link href={addressOf(filter, filter.page + 1)}>{text.next}</Link>}
        </nav>
      )}
    </>
  );
}
