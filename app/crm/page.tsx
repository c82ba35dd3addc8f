import Link from "next/link";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { DutySection, PoolSection } from "@/components/dashboard/pool-section";
import { LeadTable, TaskTable } from "@/components/dashboard/dashboard-tables";
import styles from "@/components/dashboard/dashboard.module.css";
import { asViewer } from "@/lib/auth/authed";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { localized } from "@/lib/i18n/localized";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { dashboardSummary } from "@/lib/leads/dashboard/queries";
import { ProjectWarningsSection } from "@/components/projects/warnings/project-warnings";
import { managesProjects } from "@/lib/projects/access";
import { projectWarnings } from "@/lib/projects/warnings/queries";
import { SupervisionDashboardSections } from "@/components/projects/supervision/supervision-dashboard";
import { supervisionDashboard } from "@/lib/projects/supervision/queries";
import { I18nProvider } from "@/components/i18n-provider";

export default async function DashboardPage() {
  const [viewer, locale, messages, t, db] = await Promise.all([
    requireUser(),
    getLocale(),
    getMessages(),
    getTranslations(),
    getDb(),
  ]);
  const now = new Date();
  const summary = await asViewer((current) => dashboardSummary(db, current, now));
  if ("error" in summary) throw new Error("dashboard refused for a signed-in user");
  const warnings = await asViewer((current) => projectWarnings(db, current, now));
  if ("error" in warnings) throw new Error("project warnings refused for a signed-in user");
  const supervision = await asViewer((current) => supervisionDashboard(db, current, now));
  if ("error" in supervision) throw new Error("督办 refused for a signed-in user");
  const text = messages.rules.dashboard;
  const { overdue, manager, admin } = summary;
  const items = messages.privacyRequests.dashboard;
  return (
    <I18nProvider namespaces={["rules", "inbox", "validation"]}>
      <>
        <h1>{t("crm.dashboard.greeting", { name: viewer.name })}</h1>
        <DutySection pool={summary.pool} userId={viewer.id} />
        <PoolSection pool={summary.pool} canClaim={viewer.role === "STAFF"} now={now} />

        <DashboardSection
          id="my-new"
          title={text.myNew}
          count={summary.myNew.count}
          href="/crm/leads?owner=mine&stage=new"
          empty={text.myNewEmpty}
        >
          <LeadTable leads={summary.myNew.leads} />
        </DashboardSection>

        <DashboardSection
          id="due-today"
          title={text.dueToday}
          count={summary.dueToday.count}
          empty={text.dueTodayEmpty}
        >
          <TaskTable tasks={summary.dueToday.tasks} />
        </DashboardSection>

        <DashboardSection
          id="overdue"
          title={text.overdue}
          count={overdue.taskCount + overdue.leadCount}
          empty={text.overdueEmpty}
        >
          {overdue.taskCount > 0 && (
            <>
              <h3>{text.kinds.task}</h3>
              <TaskTable tasks={overdue.tasks} />
              <p>
                <Link href="/crm/leads?owner=mine&overdue=1">
                  {t("rules.dashboard.seeAll", { count: overdue.taskCount })}
                </Link>
              </p>
            </>
          )}
          {overdue.leadCount > 0 && (
            <>
              <h3>{text.kinds.late}</h3>
              <LeadTable leads={overdue.leads} late />
              <p>
                <Link href="/crm/leads?owner=mine&late=1">
                  {t("rules.dashboard.seeAll", { count: overdue.leadCount })}
                </Link>
              </p>
            </>
          )}
        </DashboardSection>

        <ProjectWarningsSection warnings={warnings} showOwner={managesProjects(viewer)} />
        <SupervisionDashboardSections data={supervision} />

        {admin && (
          <>
            <DashboardSection
              id="privacy-requests"
              title={items.requests}
              count={admin.privacy.count}
              empty={items.requestsEmpty}
            >
              {admin.privacy.nearestDueAt && (
                <p>
                  {t("privacyRequests.dashboard.nearest", { due: formatDateTime(admin.privacy.nearestDueAt, locale) })}
                  {admin.privacy.overdue > 0 && (
                    <strong className="field-error">
                      {" "}
                      {t("privacyRequests.dashboard.overdue", { count: admin.privacy.overdue })}
                    </strong>
                  )}
                </p>
              )}
              <p>
                <Link href="/crm/privacy">{items.openList}</Link>
              </p>
            </DashboardSection>
            <DashboardSection
              id="failing-channels"
              title={items.channels}
              count={admin.failingChannels.length}
              empty={items.channelsEmpty}
            >
              <ul>
                {admin.failingChannels.map((channel) => (
                  <li key={channel.id} data-channel={channel.id}>
                    {t("privacyRequests.dashboard.channelFailure", {
                      name: channel.name,
                      failure: channel.failure ?? "",
                      date: channel.failedAt ? formatDateTime(channel.failedAt, locale) : "",
                    })}
                  </li>
                ))}
              </ul>
              <p>
                <Link href="/crm/settings/notifications">{items.openChannels}</Link>
              </p>
            </DashboardSection>
          </>
        )}

        {manager && (
          <>
            <DashboardSection
              id="late-leads"
              title={text.lateLeads}
              count={manager.late.count}
              href="/crm/leads?late=1"
              empty={text.lateLeadsEmpty}
            >
              <LeadTable leads={manager.late.leads} late showOwner />
            </DashboardSection>
            <section aria-labelledby="by-stage">
              <h2 id="by-stage">{messages.crm.dashboard.byStage}</h2>
              <ul className="stage-counts">
                {manager.stages.map((stage) => (
                  <li key={stage.key} data-stage={stage.key}>
                    <Link className={styles.stage} href={`/crm/leads?stage=${encodeURIComponent(stage.key)}`}>
                      <strong>{stage.leads}</strong>
                      {localized(locale, stage.name, stage.nameEn)}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </>
    </I18nProvider>
  );
}
