import type { Viewer } from "../auth/session";

/**
 * What each section of the project page (/crm/projects/[id]) is given: the project, who reads it and
 * whether it is terminated (解约: read-only). A section reads the database itself, in the viewer's scope,
 * and renders nothing for a project the viewer cannot see.
 */
export interface SectionProps {
  projectId: string;
  viewer: Viewer;
  terminated: boolean;
}
