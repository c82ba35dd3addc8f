import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { shanghaiDay } from "../../calendar/shanghai-time";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { recordEvents, type EventKind } from "../../outbox/events";
import { PROJECT_MANAGERS, PROJECT_READERS } from "../access";
import { lockWorkableProject, type LockedProject } from "../scope";
import type { SupervisionEntryKind, SupervisionStatus } from "../types";
import { closeSupervisionSchema, openSupervisionSchema, supervisionEntrySchema } from "./schema";

/*
 * 督办: a manager opens an item on a project (what, who, by when); the assignee answers; a leader adds 批示 at any
 * time before it is closed; a manager sends an answer back or closes the item. Every step writes its entry,
 * its audit line and its outbox event in one transaction, under the project's lock (lib/projects/scope.ts) and
 * the item's own version, so a form opened before someone else's step is told so instead of overwriting it.
 * A terminated (解约) project's items are read-only. The sweep that escalates overdue items is escalation.ts.
 */

type Tx = Prisma.TransactionClient;

export type OpenResult =
  { ok: true; supervisionId: string; projectId: string } | { ok: false; fieldErrors: FieldErrors };
export type StepResult =
  { ok: true; supervisionId: string; projectId: string; version: number } | { ok: false; fieldErrors: FieldErrors };

const refused = (field: string, key: string) => ({ ok: false as const, fieldErrors: { [field]: key } });

export async function openSupervision(db: Database, viewer: Viewer | null, input: unknown): Promise<OpenResult> {
  assertRole(viewer, PROJECT_MANAGERS, "open 督办 items");
  const parsed = openSupervisionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { projectId, title, dueOn } = parsed.data;
  return db.$transaction(async (tx): Promise<OpenResult> => {
    const now = new Date();
    const project = await lockWorkableProject(tx, viewer, projectId);
    if (!project) return refused("projectId", "notFound");
    if (project.status === "TERMINATED") return refused("projectId", "terminated");
    if (dueOn < shanghaiDay(now)) return refused("dueOn", "pastDay");
    const assigneeId = parsed.data.assigneeId ?? project.ownerId;
    if (!assigneeId) return refused("assigneeId", "required");
    const assignee = await tx.user.findUnique({ where: { id: assigneeId }, select: { active: true, role: true } });
    if (!assignee?.active) return refused("assigneeId", "assigneeInactive");
    // Staff see only the projects they own: an officer who does not own this one could never read or answer it.
    if (assignee.role === "STAFF" && assigneeId !== project.ownerId) return refused("assigneeId", "assigneeCannotSee");
    const item = await tx.supervision.create({
      data: {
        projectId,
        title,
        assigneeId,
        openedById: viewer.id,
        dueOn: new Date(`${dueOn}T00:00:00.000Z`),
        createdAt: now,
      },
      select: { id: true },
    });
    await told(tx, viewer.id, project, item.id, "supervision.opened");
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "supervision.open",
      entityType: "Supervision",
      entityId: item.id,
      details: { leadId: project.leadId, projectId, assigneeId, dueOn },
    });
    return { ok: true, supervisionId: item.id, projectId };
  });
}

/** The assignee answers (答复): the item waits for a manager to close it or send it back. */
export async function answerSupervision(db: Database, viewer: Viewer | null, input: unknown): Promise<StepResult> {
  assertRole(viewer, PROJECT_READERS, "answer 督办 items");
  const parsed = supervisionEntrySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return step(db, viewer, parsed.data, (item, data) => {
    if (item.assigneeId !== viewer.id) return refused("supervisionId", "notAssignee");
    return {
      kind: "ANSWER",
      body: data.body,
      status: "ANSWERED",
      answeredAt: new Date(),
      event: "supervision.answered",
    };
  });
}

/** 批示: a leader's written instruction, at any time before the item is closed; the assignee is told. */
export async function instructSupervision(db: Database, viewer: Viewer | null, input: unknown): Promise<StepResult> {
  assertRole(viewer, PROJECT_MANAGERS, "add 批示");
  const parsed = supervisionEntrySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return step(db, viewer, parsed.data, (item, data) => ({
    kind: "INSTRUCTION",
    body: data.body,
    status: item.status,
    event: "supervision.instructed",
  }));
}

/** Sends an answer back (退回): the item is open again and the assignee is told why. */
export async function reopenSupervision(db: Database, viewer: Viewer | null, input: unknown): Promise<StepResult> {
  assertRole(viewer, PROJECT_MANAGERS, "send 督办 items back");
  const parsed = supervisionEntrySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return step(db, viewer, parsed.data, (item, data) => {
    if (item.status !== "ANSWERED") return refused("supervisionId", "notAnswered");
    return { kind: "REOPEN", body: data.body, status: "OPEN", answeredAt: null, event: "supervision.instructed" };
  });
}

/** 办结: the manager closes the item, answered or not; nothing more happens to it. */
export async function closeSupervision(db: Database, viewer: Viewer | null, input: unknown): Promise<StepResult> {
  assertRole(viewer, PROJECT_MANAGERS, "close 督办 items");
  const parsed = closeSupervisionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return step(db, viewer, parsed.data, (_item, data) => ({
    kind: "CLOSE",
    body: data.body ?? null,
    status: "CLOSED",
    closedAt: new Date(),
  }));
}

interface LockedItem {
  id: string;
  projectId: string;
  assigneeId: string;
  status: SupervisionStatus;
  version: number;
}

interface Change {
  kind: SupervisionEntryKind;
  body: string | null;
  status: SupervisionStatus;
  answeredAt?: Date | null;
  closedAt?: Date;
  event?: EventKind;
}

const AUDITED: Record<SupervisionEntryKind, string> = {
  ANSWER: "supervision.answer",
  INSTRUCTION: "supervision.instruct",
  REOPEN: "supervision.reopen",
  CLOSE: "supervision.close",
  ESCALATION: "supervision.escalate",
};

/**
 * One step on an existing item: the project locked in the viewer's scope (another's reads as not found), then the
 * item; a terminated project, a closed item or a version other than the form's is refused; else `decide` says
 * what the step writes, or refuses it.
 */
async function step<T extends { supervisionId: string; version: number }>(
  db: Database,
  viewer: Viewer,
  data: T,
  decide: (item: LockedItem, data: T) => Change | { ok: false; fieldErrors: FieldErrors },
): Promise<StepResult> {
  return db.$transaction(async (tx): Promise<StepResult> => {
    const found = await tx.supervision.findUnique({ where: { id: data.supervisionId }, select: { projectId: true } });
    const project = found && (await lockWorkableProject(tx, viewer, found.projectId));
    if (!project) return refused("supervisionId", "notFound");
    const [item] = await tx.$queryRaw<LockedItem[]>`
      SELECT "id", "projectId", "assigneeId", "status"::text AS "status", "version"
      FROM "Supervision" WHERE "id" = ${data.supervisionId} FOR UPDATE`;
    if (!item) return refused("supervisionId", "notFound");
    if (project.status === "TERMINATED") return refused("projectId", "terminated");
    if (item.status === "CLOSED") return refused("supervisionId", "supervisionClosed");
    if (item.version !== data.version) return refused("version", "supervisionChanged");
    const change = decide(item, data);
    if ("ok" in change) return change;
    const now = new Date();
    const saved = await tx.supervision.update({
      where: { id: item.id },
      data: {
        status: change.status,
        ...(change.answeredAt !== undefined && { answeredAt: change.answeredAt }),
        ...(change.closedAt && { closedAt: change.closedAt }),
        version: { increment: 1 },
      },
      select: { version: true },
    });
    await tx.supervisionEntry.create({
      data: { supervisionId: item.id, kind: change.kind, body: change.body, authorId: viewer.id, createdAt: now },
    });
    if (change.event) await told(tx, viewer.id, project, item.id, change.event);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: AUDITED[change.kind],
      entityType: "Supervision",
      entityId: item.id,
      details: { leadId: project.leadId, projectId: item.projectId, status: [item.status, change.status] },
    });
    return { ok: true, supervisionId: item.id, projectId: item.projectId, version: saved.version };
  });
}

/** The outbox event of a step: ids only, the item's words are read when the message is written. */
async function told(
  tx: Tx,
  actorId: string | null,
  project: Pick<LockedProject, "leadId">,
  id: string,
  kind: EventKind,
) {
  await recordEvents(tx, [{ kind, leadId: project.leadId, actorId, data: { supervisionId: id } }]);
}
