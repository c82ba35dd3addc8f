import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";
import { inboxHref, type InboxView } from "./inbox-href";

/** Keyset paging: previous and next carry a cursor, never a page number, so deep pages stay cheap. */
export async function InboxPagination({
  view,
  next,
  previous,
  paged,
}: {
  view: InboxView;
  next: string | null;
  previous: string | null;
  paged: boolean;
}) {
  if (!next && !previous && !paged) return null;
  const t = (await getMessages()).inbox.pages;
  const base = { filter: view.filter, sort: view.sort, direction: view.direction };
  return (
    <nav className="pagination" aria-label={t.label}>
      {paged && (
        <Link href={inboxHref(base)} className="button secondary">
          {t.first}
        </Link>
      )}
      {previous && (
        <Link href={inboxHref({ ...base, cursor: previous })} rel="prev" className="button secondary">
          {t.previous}
        </Link>
      )}
      {next && (
        <Link href={inboxHref({ ...base, cursor: next })} rel="next" className="button secondary">
          {t.next}
        </Link>
      )}
    </nav>
  );
}
