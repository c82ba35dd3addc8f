import { asViewer } from "@/lib/auth/authed";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatArea, formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { dashboardSummary } from "@/lib/leads/queries";

export default async function DashboardPage() {
  const [viewer, locale, messages, t, db] = await Promise.all([requireUser(), getLocale(), getMessages(), getTranslations(), getDb()]);
  const summary = await asViewer((current) => dashboardSummary(db, current));
  if ("error" in summary) throw new Error("dashboard refused for a signed-in user");
  const { dashboard } = messages.crm;
  return (
    <>
      <h1>{t("crm.dashboard.greeting", { name: viewer.name })}</h1>
      <section aria-labelledby="by-stage">
        <h2 id="by-stage">{dashboard.byStage}</h2>
        <ul className="stage-counts">
          {summary.stages.map((stage) => (
            <li key={stage.key} data-stage={stage.key}>
              <strong>{stage.leads}</strong>
              {localized(locale, stage.name, stage.nameEn)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="newest">
        <h2 id="newest">{dashboard.newest}</h2>
        {summary.newest.length === 0 ? (
          <p>{dashboard.empty}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{dashboard.company}</th>
                  <th scope="col">{dashboard.contact}</th>
                  <th scope="col">{dashboard.need}</th>
                  <th scope="col">{dashboard.stage}</th>
                  <th scope="col">{dashboard.received}</th>
                </tr>
              </thead>
              <tbody>
                {summary.newest.map((lead) => (
                  <tr key={lead.id}>
                    <td>{lead.company}</td>
                    <td>{lead.contactName}</td>
                    <td>
                      {lead.need &&
                        [
                          messages.inquiry.dealOptions[lead.need.needDeal === "BUY" ? "buy" : "rent"],
                          messages.kind[lead.need.needKind],
                          formatArea(lead.need.needArea.toString(), lead.need.needAreaUnit, locale, messages),
                        ].join(" · ")}
                    </td>
                    <td>{localized(locale, lead.stage.name, lead.stage.nameEn)}</td>
                    <td>{formatDateTime(lead.createdAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
