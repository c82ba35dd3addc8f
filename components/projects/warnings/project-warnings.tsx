import Link from "next/link";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { MilestoneWarning, ProjectWarnings } from "@/lib/projects/warnings/queries";

/** One list of warnings: project, milestone, planned day and (for managers) the owner. */
async function WarningTable({ milestones, showOwner }: { milestones: MilestoneWarning[]; showOwner: boolean }) {
  const [t, messages] = await Promise.all([getTranslations("projectMilestones.warnings"), getMessages()]);
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("project")}</th>
            <th scope="col">{t("milestone")}</th>
            <th scope="col">{t("planned")}</th>
            {showOwner && <th scope="col">{t("owner")}</th>}
          </tr>
        </thead>
        <tbody>
          {milestones.map((warning) => (
            <tr key={`${warning.projectId}:${warning.kind}`} data-project={warning.projectId} data-kind={warning.kind}>
              <th scope="row">
                <Link href={`/crm/projects/${warning.projectId}`}>{warning.projectName}</Link>
              </th>
              <td>{term(messages.vocabulary, "milestoneKind", warning.kind)}</td>
              <td>{warning.plannedOn}</td>
              {showOwner && <td>{warning.ownerName ?? t("noOwner")}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * 项目预警 on the dashboard: milestones late and due within the warning days, the officer's own projects or, for
 * managers, every project, each list linking to the project list filtered alike.
 */
export async function ProjectWarningsSection({
  warnings,
  showOwner,
}: {
  warnings: ProjectWarnings;
  showOwner: boolean;
}) {
  const t = await getTranslations("projectMilestones.warnings");
  const { late, dueSoon, warnDays } = warnings;
  return (
    <DashboardSection id="project-warnings" title={t("title")} count={late.count + dueSoon.count} empty={t("empty")}>
      {late.count > 0 && (
        <>
          <h3>
            <Link href="/crm/projects?warning=late">{t("lateCount", { count: late.count })}</Link>
          </h3>
          <WarningTable milestones={late.milestones} showOwner={showOwner} />
        </>
      )}
      {dueSoon.count > 0 && (
        <>
          <h3>
            <Link href="/crm/projects?warning=dueSoon">
              {t("dueSoonCount", { count: dueSoon.count, days: warnDays })}
            </Link>
          </h3>
          <WarningTable milestones={dueSoon.milestones} showOwner={showOwner} />
        </>
      )}
    </DashboardSection>
  );
}
