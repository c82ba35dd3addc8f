import "server-only";
import type { Database } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";
import { fieldErrorsOf, type FieldErrors } from "../forms/field-errors";
import { leadsVisibleTo, managesLeads, WORKSPACE_ROLES } from "../leads/access";
import { refreshNextFollowUp } from "../leads/activity";
import { newTaskSchema, taskDoneSchema } from "./schema";

type Tx = Prisma.TransactionClient;

/** Task changes on one lead queue behind each other, so the next follow-up date is read after the last change. */
async function lockLead(tx: Tx, leadId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Lead" WHERE "id" = ${leadId} FOR UPDATE`;
}

export type TaskResult = { ok: true; id: string; leadId: string } | { ok: false; fieldErrors: FieldErrors };

/**
 * Schedules a follow-up on a lead the viewer may work. It goes to the lead's owner (or, on a pool
 * lead, to whoever schedules it); managers may give it to any active user, staff only to themselves
 * or the lead's owner. The lead's next follow-up date moves with it.
 */
export async function createTask(db: Database, viewer: Viewer | null, input: unknown): Promise<TaskResult> {
  assertRole(viewer, WORKSPACE_ROLES, "schedule follow-ups");
  const parsed = newTaskSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { leadId, title, dueAt, assigneeId } = parsed.data;
  return db.$transaction(async (tx): Promise<TaskResult> => {
    const lead = await tx.lead.findFirst({
      where: { id: leadId, ...leadsVisibleTo(viewer), mergedIntoId: null, erasedAt: null },
      select: { id: true, ownerId: true },
    });
    if (!lead) return { ok: false, fieldErrors: { leadId: "notFound" } };
    await lockLead(tx, leadId);
    const assignee = assigneeId ?? lead.ownerId ?? viewer.id;
    if (assignee !== viewer.id && assignee !== lead.ownerId && !managesLeads(viewer)) {
      return { ok: false, fieldErrors: { assigneeId: "invalid" } };
    }
    if (
      assignee !== viewer.id &&
      !(await tx.user.findFirst({ where: { id: assignee, active: true }, select: { id: true } }))
    ) {
      return { ok: false, fieldErrors: { assigneeId: "notFound" } };
    }
    const task = await tx.task.create({
      data: { leadId, title, dueAt, assigneeId: assignee, createdById: viewer.id },
      select: { id: true },
    });
    await refreshNextFollowUp(tx, leadId);
    return { ok: true, id: task.id, leadId };
  });
}

/** Completes or reopens a task of a lead in the viewer's scope; any other task reads as not found. */
export async function setTaskDone(db: Database, viewer: Viewer | null, input: unknown): Promise<TaskResult> {
  assertRole(viewer, WORKSPACE_ROLES, "complete follow-ups");
  const parsed = taskDoneSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { taskId, done } = parsed.data;
  return db.$transaction(async (tx): Promise<TaskResult> => {
    const task = await tx.task.findFirst({
      where: { id: taskId, lead: { ...leadsVisibleTo(viewer), mergedIntoId: null } },
      select: { id: true, leadId: true },
    });
    if (!task) return { ok: false, fieldErrors: { taskId: "notFound" } };
    await lockLead(tx, task.leadId);
    // Completing twice keeps the first completion time: only a change of state writes.
    await tx.task.updateMany({
      where: { id: task.id, doneAt: done ? null : { not: null } },
      data: { doneAt: done ? new Date() : null },
    });
    await refreshNextFollowUp(tx, task.leadId);
    return { ok: true, id: task.id, leadId: task.leadId };
  });
}
