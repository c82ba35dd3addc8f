import "server-only";
import type { Viewer } from "../../auth/session";
import { getDb } from "../../db/client";
import { supervisionsOfProject, type ProjectSupervision } from "./queries";

/**
 * What the project page's 督办 section shows, read by the section itself (the page hands each section only the
 * project's id and the viewer): the items with their threads in the viewer's scope; null for a project the
 * viewer may not see.
 */
export async function supervisionSectionData(viewer: Viewer, projectId: string): Promise<ProjectSupervision | null> {
  return supervisionsOfProject(await getDb(), viewer, projectId);
}
