import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { SupervisionRow } from "@/lib/projects/supervision/queries";
import { dayText } from "./day-text";
import styles from "./supervision.module.css";

/** The 督办台账's rows: each item opens its project's 督办 section; overdue and escalated ones say so. */
export async function SupervisionTable({ rows, userId }: { rows: SupervisionRow[]; userId: string }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const text = messages.supervision.list;
  const item = messages.supervision.item;
  return (
    <DataTable
      id="supervision"
      userId={userId}
      label={text.label}
      chooserLabel={text.columns}
      columns={[
        { id: "item", label: text.item },
        { id: "project", label: text.project },
        { id: "assignee", label: text.assignee },
        { id: "openedBy", label: text.openedBy, hidden: true },
        { id: "dueOn", label: text.dueOn },
        { id: "state", label: text.state },
      ]}
      rows={rows.map((row) => ({
        id: row.id,
        cells: {
          item: (
            <Link href={`/crm/projects/${row.project.id}#supervision-${row.id}`} data-supervision={row.id}>
              {row.title}
            </Link>
          ),
          project: (
            <>
              {row.project.name}
              {row.project.status === "TERMINATED" && (
                <span className="tag"> {term(messages.vocabulary, "projectStatus", row.project.status)}</span>
              )}
            </>
          ),
          assignee: row.assigneeName,
          openedBy: row.openedByName,
          dueOn: (
            <span className={row.overdue ? styles.late : undefined} data-overdue={row.overdue}>
              {dayText(row.dueOn, locale)}
              {row.overdue && <strong className={`tag ${styles.overdue}`}> {item.overdue}</strong>}
            </span>
          ),
          state: (
            <>
              <span className={`tag ${styles.status}`} data-status={row.status}>
                {term(messages.vocabulary, "supervisionStatus", row.status)}
              </span>
              {row.escalatedAt && <strong className={`tag ${styles.escalated}`}> {item.escalated}</strong>}
            </>
          ),
        },
      }))}
    />
  );
}
