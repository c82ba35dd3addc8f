import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuditEntries } from "@/components/audit/audit-entries";
import { AuditFilters } from "@/components/audit/audit-filters";
import { auditFilterSchema, auditHref } from "@/lib/audit/filter";
import { auditActors, auditLog } from "@/lib/audit/queries";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { withoutEmptyParams } from "@/lib/http/query-params";
import { getLocale, getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).audit.title };
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireRole("ADMIN");
  const [locale, messages, db, params] = await Promise.all([getLocale(), getMessages(), getDb(), searchParams]);
  const { before, ...view } = auditFilterSchema.parse(params);
  // The filter form sends every field; the link it should have been keeps only those that say something.
  if (withoutEmptyParams(params) !== null) redirect(auditHref(view, before));
  const [log, actors] = await Promise.all([auditLog(db, viewer, { ...view, before }, locale), auditActors(db, viewer)]);
  const text = messages.audit;
  return (
    <>
      <h1>{text.title}</h1>
      <p className="hint">{text.lead}</p>
      <AuditFilters filter={view} actors={actors} />
      {log.entries.length === 0 ? (
        <p className="panel">{text.empty}</p>
      ) : (
        <AuditEntries entries={log.entries} locale={locale} />
      )}
      {log.older && (
        <p>
          <Link href={auditHref(view, log.older)}>{text.older}</Link>
        </p>
      )}
    </>
  );
}
