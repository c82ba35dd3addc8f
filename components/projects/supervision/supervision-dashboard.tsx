import Link from "next/link";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { SupervisionDashboard, SupervisionRow } from "@/lib/projects/supervision/queries";
import { dayText } from "./day-text";
import styles from "./supervision.module.css";

/** A few 督办 items: what, on which project, for whom, by when (overdue marked). */
async function SupervisionRows({ rows, showAssignee }: { rows: SupervisionRow[]; showAssignee: boolean }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const text = messages.supervision.list;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{text.item}</th>
            <th scope="col">{text.project}</th>
            {showAssignee && <th scope="col">{text.assignee}</th>}
            <th scope="col">{text.dueOn}</th>
            <th scope="col">{text.state}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-supervision={row.id}>
              <td>
                <Link href={`/crm/projects/${row.project.id}#supervision-${row.id}`}>{row.title}</Link>
              </td>
              <td>{row.project.name}</td>
              {showAssignee && <td>{row.assigneeName}</td>}
              <td className={row.overdue ? styles.late : undefined}>
                {dayText(row.dueOn, locale)}
                {row.overdue && (
                  <strong className={`tag ${styles.overdue}`}> {messages.supervision.item.overdue}</strong>
                )}
              </td>
              <td>{term(messages.vocabulary, "supervisionStatus", row.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The dashboard's 我的督办 (unfinished items assigned to me, overdue first) and, for managers, 超期督办. */
export async function SupervisionDashboardSections({ data }: { data: SupervisionDashboard }) {
  const [messages, t] = await Promise.all([getMessages(), getTranslations("supervision.dashboard")]);
  const text = messages.supervision.dashboard;
  const more = (count: number, shown: number, href: string) =>
    count > shown && (
      <p>
        <Link href={href}>{t("seeAll", { count })}</Link>
      </p>
    );
  return (
    <>
      <DashboardSection id="my-supervision" title={text.mine} count={data.mine.count} empty={text.mineEmpty}>
        <SupervisionRows rows={data.mine.rows} showAssignee={false} />
        {more(data.mine.count, data.mine.rows.length, "/crm/projects/supervision?mine=1")}
      </DashboardSection>
      {data.overdue && (
        <DashboardSection
          id="overdue-supervision"
          title={text.overdue}
          count={data.overdue.count}
          empty={text.overdueEmpty}
        >
          <SupervisionRows rows={data.overdue.rows} showAssignee />
          {more(data.overdue.count, data.overdue.rows.length, "/crm/projects/supervision?overdue=1")}
        </DashboardSection>
      )}
    </>
  );
}
