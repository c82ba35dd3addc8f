import "server-only";
import type { Viewer } from "../../auth/session";
import { getDb } from "../../db/client";
import { evidenceOf, type EvidenceView } from "../evidence/queries";
import { milestonesOf, type ProjectMilestones } from "./queries";

/**
 * What the project page's milestones section shows, read by the section itself (the page composes its sections
 * and hands each only the project's id and the viewer): the milestones and the evidence, in the viewer's scope;
 * null for a project the viewer may not see.
 */
export async function milestonesSectionData(
  viewer: Viewer,
  projectId: string,
): Promise<{ project: ProjectMilestones; evidence: EvidenceView[] } | null> {
  const db = await getDb();
  const [project, evidence] = await Promise.all([
    milestonesOf(db, viewer, projectId),
    evidenceOf(db, viewer, projectId),
  ]);
  return project && { project, evidence };
}
