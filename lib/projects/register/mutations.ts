import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { releaseSignedUnitsOfLeads } from "../../inventory/lead-units";
import { PROJECT_MANAGERS, PROJECT_READERS } from "../access";
import { lockWorkableProject, touchProject, type LockedProject } from "../scope";
import { COMMITMENT_FIELDS, commitmentsSchema, ownerChangeSchema, terminationSchema } from "./schema";

/*
 * Changes to a project's register: its commitments (the owner or a manager), its owner and 解约 (managers).
 * Each starts by locking the project in the viewer's scope (another's project is "not found"), refuses a
 * terminated one and a form loaded before someone else's change, and is audited in the same transaction.
 */

export type ProjectResult = { ok: true; version: number } | { ok: false; fieldErrors: FieldErrors };
type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** Why a locked project cannot take this change, or null when it can. */
function refusal(project: LockedProject | null, version: number): FieldErrors | null {
  if (!project) return { projectId: "notFound" };
  if (project.status === "TERMINATED") return { projectId: "terminated" };
  if (project.version !== version) return { version: "versionChanged" };
  return null;
}

type Plain = string | number | null;
/** A value as the audit log keeps it: decimals as their text, blanks as null. */
const plain = (value: unknown): Plain =>
  value === null || value === undefined || value === "" ? null : typeof value === "number" ? value : String(value);

function changesOf(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [Plain, Plain]> {
  const changes: Record<string, [Plain, Plain]> = {};
  for (const field of COMMITMENT_FIELDS) {
    if (!(field in after)) continue;
    const [from, to] = [plain(before[field]), plain(after[field])];
    const numeric = typeof from === "string" && typeof to === "string" && !Number.isNaN(Number(from));
    if (from !== to && !(numeric && Number(from) === Number(to))) changes[field] = [from, to];
  }
  return changes;
}

/** The contract's figures and the company's names; "versionChanged" when the project moved on since the form. */
export async function updateCommitments(db: Database, viewer: Viewer | null, input: unknown): Promise<ProjectResult> {
  assertRole(viewer, PROJECT_READERS, "edit a project's commitments");
  const parsed = commitmentsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { projectId, version, ...fields } = parsed.data;
  return db.$transaction(async (tx): Promise<ProjectResult> => {
    const refused = refusal(await lockWorkableProject(tx, viewer, projectId), version);
    if (refused) return { ok: false, fieldErrors: refused };
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
    const changes = changesOf(before, fields);
    if (Object.keys(changes).length === 0) return { ok: true, version };
    await tx.project.update({ where: { id: projectId }, data: fields });
    const next = await touchProject(tx, projectId);
    // "creditCode" keeps its name in the details: the erase scrubs that key from a lead's audit entries.
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "project.update",
      entityType: "Project",
      entityId: projectId,
      details: { project: fields.name, leadId: before.leadId, ...changes },
    });
    return { ok: true, version: next };
  });
}

/** Managers give a project to another active officer, who then sees and works it. */
export async function changeProjectOwner(db: Database, viewer: Viewer | null, input: unknown): Promise<ProjectResult> {
  assertRole(viewer, PROJECT_MANAGERS, "change a project's owner");
  const parsed = ownerChangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { projectId, version, ownerId } = parsed.data;
  return db.$transaction(async (tx): Promise<ProjectResult> => {
    const project = await lockWorkableProject(tx, viewer, projectId);
    const refused = refusal(project, version);
    if (refused || !project) return { ok: false, fieldErrors: refused ?? { projectId: "notFound" } };
    const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { active: true } });
    if (!owner?.active) return { ok: false, fieldErrors: { ownerId: "ownerInactive" } };
    if (project.ownerId === ownerId) return { ok: true, version };
    await tx.project.update({ where: { id: projectId }, data: { ownerId } });
    const next = await touchProject(tx, projectId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "project.owner",
      entityType: "Project",
      entityId: projectId,
      details: { project: await projectName(tx, projectId), ownerId: [project.ownerId, ownerId] },
    });
    return { ok: true, version: next };
  });
}

async function projectName(tx: Tx, projectId: string): Promise<string> {
  const { name } = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
  return name;
}

/**
 * 解约 (managers): the project is terminated with its reason and becomes read-only, and the units its lead
 * signed for or occupies go back to vacant, all in one transaction. Open 督办 items stay as they are: their
 * list leaves out a terminated project's. Answers how many units were released.
 */
export async function terminateProject(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  now = new Date(),
): Promise<ProjectResult | { ok: true; version: number; releasedUnits: number }> {
  assertRole(viewer, PROJECT_MANAGERS, "terminate a project");
  const parsed = terminationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { projectId, version, reason } = parsed.data;
  return db.$transaction(async (tx) => {
    const project = await lockWorkableProject(tx, viewer, projectId);
    const refused = refusal(project, version);
    if (refused || !project) return { ok: false as const, fieldErrors: refused ?? { projectId: "notFound" } };
    await tx.project.update({
      where: { id: projectId },
      data: { status: "TERMINATED", terminatedAt: now, terminatedById: viewer.id, terminationReason: reason },
    });
    const next = await touchProject(tx, projectId);
    const released = await releaseSignedUnitsOfLeads(tx, [project.leadId], viewer.id, now);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "project.terminate",
      entityType: "Project",
      entityId: projectId,
      details: {
        project: await projectName(tx, projectId),
        leadId: project.leadId,
        reason,
        units: released.map((unit) => unit.id),
      },
    });
    return { ok: true as const, version: next, releasedUnits: released.length };
  });
}
