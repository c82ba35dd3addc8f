import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import { PROJECT_READERS, projectsVisibleTo } from "../access";
import { evidenceOf, type EvidenceView } from "../evidence/queries";
import { planInForce } from "../plan";
import { MILESTONE_KINDS, type MilestoneKind, type ProjectStatus } from "../types";
import { dayOf, milestoneState, readWarnDays, type MilestoneState } from "../warnings/rules";

/** One re-plan or first plan of a milestone, as the plan history lists it. */
export interface PlanChangeView {
  id: string;
  /** YYYY-MM-DD, null when the plan was cleared */
  plannedOn: string | null;
  previousOn: string | null;
  effectiveAt: Date;
  reason: string | null;
  actorName: string | null;
}

export interface MilestoneView {
  id: string;
  kind: MilestoneKind;
  plannedOn: string | null;
  /** when the plan in force took effect: the signing for the contract's plan, the re-plan's moment after */
  plannedSince: Date | null;
  actualOn: string | null;
  note: string | null;
  recordedByName: string | null;
  recordedAt: Date | null;
  /** open and past its plan (late), or open within the warning days (due soon) */
  state: MilestoneState;
  /** done after the plan in force when it was recorded (逾期完成) */
  doneLate: boolean;
  /** newest first */
  history: PlanChangeView[];
}

export interface ProjectMilestones {
  projectId: string;
  version: number;
  status: ProjectStatus;
  signedAt: Date;
  /** the company's 统一社会信用代码 once registered */
  creditCode: string | null;
  companyName: string;
  warnDays: number;
  milestones: MilestoneView[];
}

/**
 * The six milestones of a project in the viewer's scope, in order, each with its plan, plan history, actual and
 * where it stands today; null for a project the viewer may not see.
 */
export async function milestonesOf(
  db: Database,
  viewer: Viewer | null,
  projectId: string,
  now = new Date(),
): Promise<ProjectMilestones | null> {
  assertRole(viewer, PROJECT_READERS, "read project milestones");
  const project = await db.project.findFirst({
    where: { id: projectId, ...projectsVisibleTo(viewer) },
    select: {
      id: true,
      version: true,
      status: true,
      signedAt: true,
      creditCode: true,
      companyName: true,
      milestones: {
        select: {
          id: true,
          kind: true,
          plannedOn: true,
          plannedSince: true,
          actualOn: true,
          note: true,
          recordedAt: true,
          recordedBy: { select: { name: true } },
        },
      },
      planChanges: {
        orderBy: { effectiveAt: "desc" },
        select: {
          id: true,
          kind: true,
          plannedOn: true,
          previousOn: true,
          effectiveAt: true,
          reason: true,
          actor: { select: { name: true } },
        },
      },
    },
  });
  if (!project) return null;
  const warnDays = await readWarnDays(db);
  const byKind = new Map(project.milestones.map((milestone) => [milestone.kind, milestone]));
  const milestones = MILESTONE_KINDS.flatMap((kind): MilestoneView[] => {
    const row = byKind.get(kind);
    if (!row) return [];
    const history = project.planChanges.filter((change) => change.kind === kind);
    const plannedOn = dayOf(row.plannedOn);
    const actualOn = dayOf(row.actualOn);
    const planWhenDone = row.recordedAt ? dayOf(planInForce(row, history, row.recordedAt)) : null;
    return [
      {
        id: row.id,
        kind,
        plannedOn,
        plannedSince: row.plannedSince,
        actualOn,
        note: row.note,
        recordedByName: row.recordedBy?.name ?? null,
        recordedAt: row.recordedAt,
        state: project.status === "ACTIVE" ? milestoneState({ plannedOn, actualOn }, now, warnDays) : null,
        doneLate: Boolean(actualOn && planWhenDone && actualOn > planWhenDone),
        history: history.map((change) => ({
          id: change.id,
          plannedOn: dayOf(change.plannedOn),
          previousOn: dayOf(change.previousOn),
          effectiveAt: change.effectiveAt,
          reason: change.reason,
          actorName: change.actor?.name ?? null,
        })),
      },
    ];
  });
  return {
    projectId: project.id,
    version: project.version,
    status: project.status,
    signedAt: project.signedAt,
    creditCode: project.creditCode,
    companyName: project.companyName,
    warnDays,
    milestones,
  };
}

/** What the project page's milestones section shows: the milestones and the evidence kept for them. */
export interface MilestonesSectionData {
  project: ProjectMilestones;
  evidence: EvidenceView[];
}

/** The project page's milestones section, read in the viewer's scope; null for a project the viewer may not see. */
export async function milestonesSectionData(
  db: Database,
  viewer: Viewer | null,
  projectId: string,
  now = new Date(),
): Promise<MilestonesSectionData | null> {
  const [project, evidence] = await Promise.all([
    milestonesOf(db, viewer, projectId, now),
    evidenceOf(db, viewer, projectId),
  ]);
  return project && { project, evidence };
}
