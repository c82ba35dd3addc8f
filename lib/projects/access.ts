import { Prisma } from "../db/generated/client";
import type { Role } from "../auth/schema";
import type { Viewer } from "../auth/session";

/*
 * Who may see and do what with projects (履约). Staff see and work only the projects they own; managers
 * and admins see every project, change owners, terminate (解约) and run 督办 — opening items and adding
 * 批示 as the park's leaders. The scope is part of every query's `where`, so a project outside it reads as
 * "not found" through any door.
 */
export const PROJECT_READERS: readonly Role[] = ["STAFF", "MANAGER", "ADMIN"];
/** Change a project's owner, terminate it, open and close 督办 items, add 批示, edit the delivery rules' parks. */
export const PROJECT_MANAGERS: readonly Role[] = ["MANAGER", "ADMIN"];

export function managesProjects(viewer: Viewer): boolean {
  return PROJECT_MANAGERS.includes(viewer.role);
}

/** The projects a viewer may see and work, as a Prisma `where` on Project. */
export function projectsVisibleTo(viewer: Viewer): Prisma.ProjectWhereInput {
  return managesProjects(viewer) ? {} : { ownerId: viewer.id };
}

/** The same scope as raw SQL over "Project" aliased `alias`. */
export function visibleProjectSql(viewer: Viewer, alias = "p"): Prisma.Sql {
  if (managesProjects(viewer)) return Prisma.sql`TRUE`;
  return Prisma.sql`${Prisma.raw(`"${alias}"."ownerId"`)} = ${viewer.id}`;
}
