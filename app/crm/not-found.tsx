import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";

/**
 * The workspace's "not found", shown inside its frame: for a /crm/… path that does not exist and for a
 * page the viewer's role may not open (requireRole answers notFound()), alike, so a refusal tells
 * nothing about what is there.
 */
export default async function WorkspaceNotFound() {
  const text = (await getMessages()).workspace.notFound;
  return (
    <section className="panel" aria-labelledby="not-found-heading" data-testid="workspace-not-found">
      <h1 id="not-found-heading">{text.title}</h1>
      <p>{text.body}</p>
      <Link href="/crm" className="button">
        {text.back}
      </Link>
    </section>
  );
}
