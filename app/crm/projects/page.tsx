import type { Metadata } from "next";
import Link from "next/link";
import { ProjectFilters } from "@/components/projects/register/project-filters";
import { ProjectPager } from "@/components/projects/register/project-pager";
import { ProjectTable } from "@/components/projects/register/project-table";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { projectList, projectListOptions } from "@/lib/projects/register/queries";
import { projectFilterSchema, type ProjectFilter } from "@/lib/projects/register/schema";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).projects.title };
}

/** The address of the list (or of its export) under `filter`, with `page` replaced. */
function addressOf(base: string, filter: ProjectFilter, page?: number): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filter, page })) {
    if (value === undefined || (name === "page" && value === 1)) continue;
    query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

/** /crm/projects: the viewer's projects (staff their own), filtered by the address, 50 a page. */
export default async function ProjectsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireUser();
  const [query, db, messages] = await Promise.all([searchParams, getDb(), getMessages()]);
  const filter = projectFilterSchema.parse(query);
  const [list, options] = await Promise.all([projectList(db, viewer, filter), projectListOptions(db, viewer)]);
  const text = messages.projects.list;
  const { page } = filter;
  const filtered = Object.keys(query).some((name) => name !== "page");
  return (
    <>
      <h1>{messages.projects.title}</h1>
      <p className="meta">{text.intro}</p>
      <p className="actions">
        <Link className="button secondary" href={addressOf("/crm/projects/export", filter, 1)}>
          {text.export}
        </Link>
        <Link href="/crm/projects/supervision">{text.supervision}</Link>
      </p>
      <ProjectFilters filter={filter} options={options} />
      {list.rows.length === 0 ? (
        <p className="empty" data-testid="projects-empty">
          {filtered ? text.empty : text.emptyAll}
        </p>
      ) : (
        <ProjectTable rows={list.rows} userId={viewer.id} />
      )}
      {(page > 1 || list.hasMore) && (
        <ProjectPager
          page={page}
          previous={page > 1 ? addressOf("/crm/projects", filter, page - 1) : null}
          next={list.hasMore ? addressOf("/crm/projects", filter, page + 1) : null}
        />
      )}
    </>
  );
}
