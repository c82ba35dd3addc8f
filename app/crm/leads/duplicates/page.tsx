import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { duplicateGroups } from "@/lib/leads/duplicates/queries";
import styles from "./duplicates.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("leadCare.groups.title") };
}

/** Managers' list of leads that share a normalised company name; merging happens on the lead page. */
export default async function DuplicatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireRole("MANAGER", "ADMIN");
  const [params, db, locale, t] = await Promise.all([searchParams, getDb(), getLocale(), getTranslations()]);
  const cursor = typeof params.cursor === "string" && params.cursor !== "" ? params.cursor : undefined;
  let result = await duplicateGroups(db, viewer, cursor ? { cursor } : {});
  const invalidCursor = !result.ok;
  if (!result.ok) result = await duplicateGroups(db, viewer, {});
  if (!result.ok) throw new Error("the first page of duplicate groups was refused");
  const { groups, nextCursor } = result;

  return (
    <>
      <h1>{t("leadCare.groups.title")}</h1>
      <p className="hint">{t("leadCare.groups.intro")}</p>
      {invalidCursor && <p className="notice">{t("leadCare.groups.invalidCursor")}</p>}
      {groups.length === 0 ? (
        <p>{t("leadCare.groups.none")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t("leadCare.groups.title")} tabIndex={0}>
          <table className="data-table" data-testid="duplicate-groups">
            <thead>
              <tr>
                <th scope="col">{t("leadCare.groups.company")}</th>
                <th scope="col">{t("leadCare.groups.count")}</th>
                <th scope="col">{t("leadCare.groups.leads")}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={group.companyKey} data-company-key={group.companyKey}>
                  <td>{group.leads[0]?.company ?? group.companyKey}</td>
                  <td>{group.count}</td>
                  <td>
                    <ul className={styles.leads}>
                      {group.leads.map((lead) => (
                        <li key={lead.id}>
                          <Link href={`/crm/leads/${lead.id}`}>{lead.company}</Link>{" "}
                          <span className="meta">
                            {lead.contactName} · {localized(locale, lead.stage.name, lead.stage.nameEn)} ·{" "}
                            {lead.owner?.name ?? t("leadCare.groups.unassigned")} · {formatDate(lead.createdAt, locale)}
                            {lead.archivedAt && ` · ${t("leadCare.groups.archived")}`}
                          </span>
                        </li>
                      ))}
                      {group.count > group.leads.length && (
                        <li className="meta">
                          {t("leadCare.groups.more", { count: group.count - group.leads.length })}
                        </li>
                      )}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pagination" aria-label={t("leadCare.groups.title")}>
        {cursor && <Link href="/crm/leads/duplicates">{t("leadCare.groups.first")}</Link>}
        {nextCursor && <Link href={`/crm/leads/duplicates?cursor=${nextCursor}`}>{t("leadCare.groups.next")}</Link>}
      </nav>
    </>
  );
}
