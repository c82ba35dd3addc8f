import { getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import { milestonesSectionData } from "@/lib/projects/milestones/section";
import type { SectionProps } from "@/lib/projects/section";
import { MilestoneStateTag } from "./milestone-state";

/** The six milestones of the project page: plan, plan history, actual and where each stands, then the evidence. */
export async function MilestonesSection({ projectId, viewer, terminated }: SectionProps) {
  const data = await milestonesSectionData(viewer, projectId);
  if (!data) return null;
  const { project } = data;
  const [t, messages] = await Promise.all([getTranslations("projectMilestones"), getMessages()]);
  return (
    <section className="panel" aria-labelledby="milestones-title" data-section="milestones">
      <h2 id="milestones-title">{t("title")}</h2>
      {terminated && <p className="meta">{t("terminated")}</p>}
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("columns.kind")}</th>
              <th scope="col">{t("columns.planned")}</th>
              <th scope="col">{t("columns.actual")}</th>
              <th scope="col">{t("columns.state")}</th>
            </tr>
          </thead>
          <tbody>
            {project.milestones.map((milestone) => (
              <tr key={milestone.kind} data-milestone={milestone.kind}>
                <th scope="row">{term(messages.vocabulary, "milestoneKind", milestone.kind)}</th>
                <td>{milestone.plannedOn ?? "—"}</td>
                <td>{milestone.actualOn ?? "—"}</td>
                <td>
                  <MilestoneStateTag milestone={milestone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
