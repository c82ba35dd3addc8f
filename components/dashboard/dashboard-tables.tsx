import Link from "next/link";
import { formatArea, formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import type { DashboardLead, DashboardTask } from "@/lib/leads/dashboard/queries";

type Props = { locale: Locale; messages: Messages };

export async function pageLanguage(): Promise<Props> {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return { locale, messages };
}

type Need = Pick<DashboardLead, "needDeal" | "needKind" | "needArea" | "needAreaUnit">;

export function needOf(lead: Need, { locale, messages }: Props): string {
  if (!lead.needDeal || !lead.needKind) return "";
  const parts = [messages.inquiry.dealOptions[lead.needDeal === "BUY" ? "buy" : "rent"], messages.kind[lead.needKind]];
  if (lead.needArea && lead.needAreaUnit)
    parts.push(formatArea(lead.needArea.toString(), lead.needAreaUnit, locale, messages));
  return parts.join(" · ");
}

function Score({ lead, label }: { lead: DashboardLead; label: string }) {
  if (lead.score === null) return <>–</>;
  return <>{lead.vetoed ? `${lead.score} (${label})` : lead.score}</>;
}

/** Leads with their need, score and either when they came in or how late their first response is. */
export async function LeadTable({
  leads,
  late,
  showOwner,
}: {
  leads: (DashboardLead & { lateBy?: number })[];
  late?: boolean;
  showOwner?: boolean;
}) {
  const [props, t] = await Promise.all([pageLanguage(), getTranslations("rules.dashboard")]);
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("company")}</th>
            <th scope="col">{props.messages.crm.dashboard.need}</th>
            {showOwner && <th scope="col">{t("owner")}</th>}
            <th scope="col">{late ? t("due") : t("received")}</th>
            <th scope="col">{t("score")}</th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <tr key={lead.id} data-lead={lead.id}>
              <td>
                <Link href={`/crm/leads/${lead.id}`}>{lead.company}</Link>
              </td>
              <td>{needOf(lead, props)}</td>
              {showOwner && <td>{lead.owner?.name ?? t("unassigned")}</td>}
              <td>
                {late && lead.firstResponseDueAt ? (
                  <>
                    {formatDateTime(lead.firstResponseDueAt, props.locale)}
                    <br />
                    <span className="tag">
                      {t("lateBy", { hours: formatNumber(lead.lateBy ?? 0, props.locale, 1) })}
                    </span>
                  </>
                ) : (
                  formatDateTime(lead.createdAt, props.locale)
                )}
              </td>
              <td>
                <Score lead={lead} label={t("vetoed")} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Follow-up tasks with their lead and due time. */
export async function TaskTable({ tasks }: { tasks: DashboardTask[] }) {
  const [props, t] = await Promise.all([pageLanguage(), getTranslations("rules.dashboard")]);
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("task")}</th>
            <th scope="col">{t("company")}</th>
            <th scope="col">{t("due")}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id} data-task={task.id}>
              <td>{task.title}</td>
              <td>
                <Link href={`/crm/leads/${task.lead.id}`}>{task.lead.company}</Link>
              </td>
              <td>{formatDateTime(task.dueAt, props.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
