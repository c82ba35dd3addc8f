import { I18nProvider } from "@/components/i18n-provider";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { MilestonesSectionData } from "@/lib/projects/milestones/queries";
import { ActualEditor, ClearActual } from "./actual-editor";
import { EvidenceList } from "./evidence-list";
import { EvidenceForm } from "./evidence-form";
import { MilestoneStateTag } from "./milestone-state";
import { PlanEditor } from "./plan-editor";
import styles from "./milestones.module.css";

/**
 * The six milestones of the project page — plan, plan history, actual and where each stands — with the forms
 * to plan them, record them and add evidence, for whoever may work the project (read-only once terminated).
 * The page reads them (milestonesSectionData) in the viewer's scope.
 */
export async function MilestonesSection({
  projectId,
  data: { project, evidence },
  terminated,
}: {
  projectId: string;
  data: MilestonesSectionData;
  terminated: boolean;
}) {
  const [t, messages, locale] = await Promise.all([getTranslations("projectMilestones"), getMessages(), getLocale()]);
  const writable = !terminated && project.status === "ACTIVE";
  const label = (kind: string) => term(messages.vocabulary, "milestoneKind", kind);
  const labelled = project.milestones.map((milestone) => ({
    kind: milestone.kind,
    label: label(milestone.kind),
    plannedOn: milestone.plannedOn,
  }));
  return (
    <section className="panel" aria-labelledby="milestones-title" data-section="milestones">
      <h2 id="milestones-title">{t("title")}</h2>
      {!writable && <p className="notice">{t("terminated")}</p>}
      <I18nProvider namespaces={["projectMilestones", "validation"]}>
        {writable && <PlanEditor projectId={projectId} version={project.version} milestones={labelled} />}
        <div className="table-wrap" role="region" aria-labelledby="milestones-title" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("columns.kind")}</th>
                <th scope="col">{t("columns.planned")}</th>
                <th scope="col">{t("columns.actual")}</th>
                <th scope="col">{t("columns.state")}</th>
                {writable && <th scope="col">{t("columns.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {project.milestones.map((milestone) => (
                <tr key={milestone.kind} data-milestone={milestone.kind} data-state={milestone.state ?? undefined}>
                  <th scope="row">{label(milestone.kind)}</th>
                  <td>
                    {milestone.plannedOn ?? "—"}
                    {milestone.history.length > 0 && (
                      <details>
                        <summary>{t("history.title")}</summary>
                        <ul className={styles.history}>
                          {milestone.history.map((change) => {
                            const actor = change.actorName ?? t("history.unknownActor");
                            const to = change.plannedOn ?? t("history.none");
                            return (
                              <li key={change.id}>
                                {change.previousOn === null && change.reason === null
                                  ? t("history.first", { actor, to })
                                  : t("history.replan", {
                                      actor,
                                      at: formatDateTime(change.effectiveAt, locale),
                                      from: change.previousOn ?? t("history.none"),
                                      to,
                                    })}
                                {change.reason && <> · {t("history.reason", { reason: change.reason })}</>}
                              </li>
                            );
                          })}
                        </ul>
                      </details>
                    )}
                  </td>
                  <td>
                    {milestone.actualOn ?? "—"}
                    {milestone.note && <p className="meta">{milestone.note}</p>}
                    {milestone.recordedAt && milestone.recordedByName && (
                      <p className="meta">
                        {t("actual.recordedBy", {
                          name: milestone.recordedByName,
                          at: formatDateTime(milestone.recordedAt, locale),
                        })}
                      </p>
                    )}
                  </td>
                  <td>
                    <MilestoneStateTag milestone={milestone} />
                  </td>
                  {writable && (
                    <td>
                      <div className={styles.actions}>
                        <ActualEditor
                          projectId={projectId}
                          version={project.version}
                          kind={milestone.kind}
                          label={label(milestone.kind)}
                          actualOn={milestone.actualOn}
                          note={milestone.note}
                          creditCode={project.creditCode}
                        />
                        {milestone.actualOn && (
                          <ClearActual
                            projectId={projectId}
                            version={project.version}
                            kind={milestone.kind}
                            label={label(milestone.kind)}
                          />
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 id="evidence-title">{t("evidence.title")}</h3>
        <EvidenceList projectId={projectId} evidence={evidence} writable={writable} />
        {writable && (
          <details>
            <summary>{t("evidence.add")}</summary>
            <EvidenceForm projectId={projectId} milestones={labelled} />
          </details>
        )}
      </I18nProvider>
    </section>
  );
}
