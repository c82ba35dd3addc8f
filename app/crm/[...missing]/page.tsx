import { notFound } from "next/navigation";

/**
 * Any /crm/… path no page answers: the workspace's own not-found (app/crm/not-found.tsx), inside its
 * frame, instead of the public site's. Named routes always win over this catch-all.
 */
export default function MissingWorkspacePage() {
  notFound();
}
