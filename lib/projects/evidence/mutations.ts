import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { logEvent } from "../../log";
import { newStorageKey, type Storage } from "../../storage/storage";
import { managesProjects, PROJECT_READERS, projectsVisibleTo } from "../access";
import { lockWorkableProject } from "../scope";
import { detectEvidenceType, EVIDENCE_FILE_TYPES } from "./file-type";
import { evidenceSchema, MAX_EVIDENCE, removeEvidenceSchema } from "./schema";

/*
 * Adding and removing a project's evidence (佐证材料), by the project's owner or a manager. A file is written to
 * the store before its row and removed again if the row is refused, so no row points at nothing; a removed
 * row's file goes after the row. Files live under projects/<id>/ and are served only through the scoped
 * download route, never by /media.
 */

export type EvidenceResult = { ok: true; id: string } | { ok: false; fieldErrors: FieldErrors };

/** A control character, a path or a bidi override in a file name is the sender's, not the reader's. */
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"\\/:*?<>|]/gu;

/** The name the file is offered under again: its own last segment, cleaned, ending in its real extension. */
export function evidenceFileName(sent: string, extension: string): string {
  const last = sent.split(/[\\/]/).pop() ?? "";
  const cleaned = last.normalize("NFC").replace(UNSAFE_IN_NAME, "").trim();
  const stem = [...cleaned].slice(0, 180).join("");
  if (!stem) return `evidence.${extension}`;
  return stem.toLowerCase().endsWith(`.${extension}`) ? stem : `${stem}.${extension}`;
}

async function discard(storage: Storage, key: string) {
  await storage.delete(key).catch((error: Error) => logEvent("storage.delete_failed", { key, error: error.message }));
}

/** A note, a photo or a document on the project, optionally for one milestone. */
export async function addEvidence(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  storage: Storage,
): Promise<EvidenceResult> {
  assertRole(viewer, PROJECT_READERS, "add project evidence");
  const parsed = evidenceSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { projectId, milestoneKind, note, file } = parsed.data;

  let stored: { key: string; contentType: string; fileName: string; bytes: number } | null = null;
  let kind: "NOTE" | "PHOTO" | "DOCUMENT" = "NOTE";
  if (file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const contentType = detectEvidenceType(bytes);
    if (!contentType) return { ok: false, fieldErrors: { file: "evidenceType" } };
    // Refused before anything is stored: someone else's project, or a read-only one.
    const visible = await db.project.findFirst({
      where: { id: projectId, ...projectsVisibleTo(viewer) },
      select: { status: true },
    });
    if (!visible) return { ok: false, fieldErrors: { projectId: "notFound" } };
    if (visible.status !== "ACTIVE") return { ok: false, fieldErrors: { projectId: "terminated" } };
    const type = EVIDENCE_FILE_TYPES[contentType];
    const folder = `projects/${
      projectId
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "")
        .slice(0, 60) || "project"
    }`;
    const key = newStorageKey(folder, type.extension);
    await storage.put(key, bytes, contentType);
    const sentName = "name" in file && typeof file.name === "string" ? file.name : "";
    stored = { key, contentType, fileName: evidenceFileName(sentName, type.extension), bytes: bytes.byteLength };
    kind = type.kind;
  }

  try {
    const result = await db.$transaction(async (tx): Promise<EvidenceResult> => {
      const project = await lockWorkableProject(tx, viewer, projectId);
      if (!project) return { ok: false, fieldErrors: { projectId: "notFound" } };
      if (project.status !== "ACTIVE") return { ok: false, fieldErrors: { projectId: "terminated" } };
      if ((await tx.projectEvidence.count({ where: { projectId } })) >= MAX_EVIDENCE) {
        return { ok: false, fieldErrors: { file: `tooMany:${MAX_EVIDENCE}` } };
      }
      const evidence = await tx.projectEvidence.create({
        data: {
          projectId,
          milestoneKind,
          kind,
          note: note ?? null,
          storageKey: stored?.key ?? null,
          fileName: stored?.fileName ?? null,
          contentType: stored?.contentType ?? null,
          bytes: stored?.bytes ?? null,
          uploadedById: viewer.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "project.evidence_add",
        entityType: "Project",
        entityId: projectId,
        details: {
          leadId: project.leadId,
          evidenceId: evidence.id,
          kind,
          milestoneKind,
          ...(stored ? { fileName: stored.fileName, storageKey: stored.key, bytes: stored.bytes } : {}),
        },
      });
      return { ok: true, id: evidence.id };
    });
    if (!result.ok && stored) await discard(storage, stored.key);
    return result;
  } catch (error) {
    if (stored) await discard(storage, stored.key);
    throw error;
  }
}

/** Removes a piece of evidence: its uploader or a manager, on a project in scope that is not terminated. */
export async function removeEvidence(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  storage: Storage,
): Promise<EvidenceResult> {
  assertRole(viewer, PROJECT_READERS, "remove project evidence");
  const parsed = removeEvidenceSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { projectId, evidenceId } = parsed.data;
  const result = await db.$transaction(
    async (tx): Promise<EvidenceResult | { ok: true; id: string; storageKey: string | null }> => {
      const project = await lockWorkableProject(tx, viewer, projectId);
      if (!project) return { ok: false, fieldErrors: { projectId: "notFound" } };
      if (project.status !== "ACTIVE") return { ok: false, fieldErrors: { projectId: "terminated" } };
      const evidence = await tx.projectEvidence.findFirst({
        where: { id: evidenceId, projectId },
        select: { id: true, kind: true, milestoneKind: true, fileName: true, storageKey: true, uploadedById: true },
      });
      if (!evidence) return { ok: false, fieldErrors: { evidenceId: "notFound" } };
      if (evidence.uploadedById !== viewer.id && !managesProjects(viewer)) {
        return { ok: false, fieldErrors: { evidenceId: "evidenceNotYours" } };
      }
      await tx.projectEvidence.delete({ where: { id: evidence.id } });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "project.evidence_remove",
        entityType: "Project",
        entityId: projectId,
        details: {
          leadId: project.leadId,
          evidenceId: evidence.id,
          kind: evidence.kind,
          milestoneKind: evidence.milestoneKind,
          ...(evidence.fileName ? { fileName: evidence.fileName, storageKey: evidence.storageKey } : {}),
        },
      });
      return { ok: true, id: evidence.id, storageKey: evidence.storageKey };
    },
  );
  if (!result.ok) return result;
  if ("storageKey" in result && result.storageKey) await discard(storage, result.storageKey);
  return { ok: true, id: result.id };
}
