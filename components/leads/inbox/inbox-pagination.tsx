import Link from "next/link";
import type { Messages } from "@/lib/i18n/messages";
import { inboxHref, type InboxView } from "./inbox-href";

/** Keyset paging: previous and next carry a cursor, never a page number, so deep pages stay cheap. */
export function InboxPagination({
  view,
  next,
  previous,
  paged,
  messages,
}: {
  view: InboxView;
  next: string | null;
  previous: string | null;
  paged: boolean;
  messages: Messages;
}) {
  const t = messages.inbox.pages;
  if (!next && !previous && !paged) return null;
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
