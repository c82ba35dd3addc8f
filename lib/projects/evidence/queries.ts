import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import type { Storage } from "../../storage/storage";
import { managesProjects, PROJECT_READERS, projectsVisibleTo } from "../access";
import type { EvidenceKind, MilestoneKind } from "../types";

export interface EvidenceView {
  id: string;
  kind: EvidenceKind;
  milestoneKind: MilestoneKind | null;
  note: string | null;
  fileName: string | null;
  bytes: number | null;
  uploadedByName: string | null;
  createdAt: Date;
  /** its uploader or a manager may remove it (while the project is not terminated) */
  removable: boolean;
}

/** A project's evidence, newest first; empty for a project outside the viewer's scope. */
export async function evidenceOf(db: Database, viewer: Viewer | null, projectId: string): Promise<EvidenceView[]> {
  assertRole(viewer, PROJECT_READERS, "read project evidence");
  const rows = await db.projectEvidence.findMany({
    where: { projectId, project: { id: projectId, ...projectsVisibleTo(viewer) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      milestoneKind: true,
      note: true,
      fileName: true,
      bytes: true,
      createdAt: true,
      uploadedById: true,
      uploadedBy: { select: { name: true } },
      project: { select: { status: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    milestoneKind: row.milestoneKind,
    note: row.note,
    fileName: row.fileName,
    bytes: row.bytes,
    uploadedByName: row.uploadedBy?.name ?? null,
    createdAt: row.createdAt,
    removable: row.project.status === "ACTIVE" && (row.uploadedById === viewer.id || managesProjects(viewer)),
  }));
}

export interface EvidenceFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
  kind: EvidenceKind;
}

/** A stored evidence file of a project in the viewer's scope, or null (no such file, or not the viewer's to see). */
export async function evidenceFile(
  db: Database,
  viewer: Viewer | null,
  projectId: string,
  evidenceId: string,
  storage: Storage,
): Promise<EvidenceFile | null> {
  assertRole(viewer, PROJECT_READERS, "download project evidence");
  const row = await db.projectEvidence.findFirst({
    where: { id: evidenceId, projectId, project: { id: projectId, ...projectsVisibleTo(viewer) } },
    select: { kind: true, storageKey: true, fileName: true, contentType: true },
  });
  if (!row?.storageKey || !row.contentType) return null;
  const stored = await storage.get(row.storageKey);
  if (!stored) return null;
  return { bytes: stored.bytes, contentType: row.contentType, fileName: row.fileName ?? "evidence", kind: row.kind };
}
