import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { ProjectListRow } from "@/lib/projects/register/queries";
import styles from "./projects.module.css";

/** One page of projects: each opens its page; the next open milestone says whether it is late or due soon. */
export async function ProjectTable({ rows, userId }: { rows: ProjectListRow[]; userId: string }) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("projects.list")]);
  const text = messages.projects.list;
  const day = (value: string) => formatDate(new Date(`${value}T00:00:00+08:00`), locale);
  return (
    <DataTable
      id="projects"
      userId={userId}
      label={text.label}
      chooserLabel={text.columns}
      columns={[
        { id: "name", label: text.name },
        { id: "company", label: text.company },
        { id: "park", label: text.park },
        { id: "owner", label: text.owner },
        { id: "signedAt", label: text.signedAt },
        { id: "next", label: text.next },
        { id: "progress", label: text.progress, numeric: true },
        { id: "status", label: text.status },
      ]}
      rows={rows.map((row) => ({
        id: row.id,
        cells: {
          name: <Link href={`/crm/projects/${row.id}`}>{row.name}</Link>,
          company: row.companyName,
          park: row.park ? localized(locale, row.park.name, row.park.nameEn) : "",
          owner: row.ownerName ?? text.noOwner,
          signedAt: formatDate(row.signedAt, locale),
          next: row.next ? (
            <span data-flag={row.next.flag ?? undefined}>
              {term(messages.vocabulary, "milestoneKind", row.next.kind)}
              {" · "}
              {row.next.plannedOn ? t("plannedOn", { date: day(row.next.plannedOn) }) : text.unplanned}
              {row.next.flag && (
                <>
                  {" "}
                  <strong className={`tag ${styles[row.next.flag]}`}>{text.flags[row.next.flag]}</strong>
                </>
              )}
            </span>
          ) : (
            text.noNext
          ),
          progress: t("progressOf", { done: row.done }),
          status: term(messages.vocabulary, "projectStatus", row.status),
        },
      }))}
    />
  );
}
