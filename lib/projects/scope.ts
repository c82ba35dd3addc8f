import "server-only";
import type { Prisma } from "../db/generated/client";
import type { Viewer } from "../auth/session";
import { visibleProjectSql } from "./access";
import type { ProjectStatus } from "./types";

type Tx = Prisma.TransactionClient;

export interface LockedProject {
  id: string;
  leadId: string;
  parkId: string | null;
  ownerId: string | null;
  status: ProjectStatus;
  signedAt: Date;
  version: number;
}

/**
 * The project, locked for the rest of the caller's transaction, if the viewer may work it (staff their own,
 * managers and admins any); null reads as "not found" whatever the reason. Every write to a project and its
 * rows starts here, so two writers of one project queue instead of overwriting each other.
 */
export async function lockWorkableProject(tx: Tx, viewer: Viewer, projectId: string): Promise<LockedProject | null> {
  const [project] = await tx.$queryRaw<LockedProject[]>`
    SELECT p."id", p."leadId", p."parkId", p."ownerId", p."status"::text AS "status", p."signedAt", p."version"
    FROM "Project" p WHERE p."id" = ${projectId} AND ${visibleProjectSql(viewer, "p")}
    FOR UPDATE`;
  return project ?? null;
}

/** Marks the project changed (its version and updatedAt), so a form opened before the change is told so. */
export async function touchProject(tx: Tx, projectId: string): Promise<number> {
  const updated = await tx.project.update({
    where: { id: projectId },
    data: { version: { increment: 1 } },
    select: { version: true },
  });
  return updated.version;
}
