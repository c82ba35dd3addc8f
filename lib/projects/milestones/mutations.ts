import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { recordEvents, type OutboxEventInput } from "../../outbox/events";
import { PROJECT_READERS } from "../access";
import { shanghaiDay } from "../../calendar/shanghai-time";
import { lockWorkableProject, touchProject, type LockedProject } from "../scope";
import { MILESTONE_KINDS } from "../types";
import { addDays, dayOf, readWarnDays } from "../warnings/rules";
import { actualSchema, clearActualSchema, planSchema } from "./schema";

/*
 * Planning a project's milestones and recording what happened, by the project's owner or a manager (the
 * scope of lockWorkableProject). The plan semantics are lib/projects/plan.ts's: a milestone's first plan is
 * the contract's and takes effect at the signing, whenever it is typed in; moving or clearing a plan is a
 * re-plan, needs a reason and takes effect now. Every plan made is a MilestonePlanChange row, so the report
 * can measure any day against the plan in force then.
 */

type Tx = Prisma.TransactionClient;

export type MilestoneResult = { ok: true; version: number; changed: number } | { ok: false; fieldErrors: FieldErrors };

const asDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
/** 09:00 in Shanghai on a calendar day: when a milestone's reminders go out. */
const nineInTheMorning = (day: string) => new Date(`${day}T01:00:00.000Z`);

/** The project locked for a write, or the answer why not: outside the scope (not found), terminated, or changed. */
async function workable(
  tx: Tx,
  viewer: Viewer,
  projectId: string,
  version: number,
): Promise<LockedProject | FieldErrors> {
  const project = await lockWorkableProject(tx, viewer, projectId);
  if (!project) return { projectId: "notFound" };
  if (project.status !== "ACTIVE") return { projectId: "terminated" };
  if (project.version !== version) return { version: "versionChanged" };
  return project;
}

const refused = (value: LockedProject | FieldErrors): value is FieldErrors => !("signedAt" in value);

/**
 * The owner's reminder before a planned day and the late notice the morning after it, for a plan just made.
 * Each change has its own keys, so a re-plan writes new ones; the planner drops any whose plan is no longer
 * in force, whose milestone is done or whose project ended (lib/notify/plan/rules.ts).
 */
function planReminders(
  change: { id: string; milestoneId: string; plannedOn: string },
  warnDays: number,
  actorId: string,
  now: Date,
): OutboxEventInput[] {
  const data = { milestoneId: change.milestoneId, plannedOn: change.plannedOn };
  const events: OutboxEventInput[] = [];
  if (change.plannedOn >= shanghaiDay(now)) {
    const reminder = nineInTheMorning(addDays(change.plannedOn, -warnDays));
    events.push({
      kind: "project.milestone_due",
      actorId,
      data,
      dueAt: reminder > now ? reminder : now,
      dedupeKey: `milestone-due:${change.id}`,
    });
  }
  const late = nineInTheMorning(addDays(change.plannedOn, 1));
  events.push({
    kind: "project.milestone_late",
    actorId,
    data,
    dueAt: late > now ? late : now,
    dedupeKey: `milestone-late:${change.id}`,
  });
  return events;
}

/**
 * Sets the planned days the form sends (any of the six; blank clears). A first plan takes effect at the
 * signing; moving or clearing an existing plan, or planning again after a plan was cleared, is a re-plan
 * that needs `reason` (≥ 2 characters) and takes effect now. Days sent unchanged change nothing.
 */
export async function setPlan(db: Database, viewer: Viewer | null, input: unknown): Promise<MilestoneResult> {
  assertRole(viewer, PROJECT_READERS, "plan project milestones");
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { projectId, version, plans, reason } = parsed.data;
  const warnDays = await readWarnDays(db);
  return db.$transaction(async (tx): Promise<MilestoneResult> => {
    const now = new Date();
    const project = await workable(tx, viewer, projectId, version);
    if (refused(project)) return { ok: false, fieldErrors: project };
    const kinds = MILESTONE_KINDS.filter((kind) => plans[kind] !== undefined);
    const rows = await tx.projectMilestone.findMany({
      where: { projectId, kind: { in: kinds } },
      select: { id: true, kind: true, plannedOn: true },
    });
    const planned = await tx.milestonePlanChange.groupBy({
      by: ["kind"],
      where: { projectId, kind: { in: kinds } },
      _count: { _all: true },
    });
    const everPlanned = new Set(planned.map((row) => row.kind));
    const changes = rows.flatMap((row) => {
      const before = dayOf(row.plannedOn);
      const after = plans[row.kind] ?? null;
      if (before === after) return [];
      return [{ row, before, after, replan: everPlanned.has(row.kind) }];
    });
    if (changes.length === 0) return { ok: true, version: project.version, changed: 0 };
    if (changes.some((change) => change.replan) && !reason) {
      return { ok: false, fieldErrors: { reason: "replanReason" } };
    }
    const events: OutboxEventInput[] = [];
    for (const { row, before, after, replan } of changes) {
      const effectiveAt = replan ? now : project.signedAt;
      await tx.projectMilestone.update({
        where: { id: row.id },
        // A cleared plan ("none") holds from now like any other: plannedSince is null only while never planned.
        data: { plannedOn: after ? asDate(after) : null, plannedSince: effectiveAt },
      });
      const change = await tx.milestonePlanChange.create({
        data: {
          projectId,
          kind: row.kind,
          plannedOn: after ? asDate(after) : null,
          previousOn: before ? asDate(before) : null,
          effectiveAt,
          reason: replan ? reason : null,
          actorId: viewer.id,
        },
        select: { id: true },
      });
      if (after)
        events.push(
          ...planReminders({ id: change.id, milestoneId: row.id, plannedOn: after }, warnDays, viewer.id, now),
        );
    }
    await recordEvents(tx, events);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "project.milestone_plan",
      entityType: "Project",
      entityId: projectId,
      details: {
        leadId: project.leadId,
        plans: Object.fromEntries(changes.map(({ row, before, after }) => [row.kind, [before, after]])),
        ...(changes.some((change) => change.replan) ? { reason } : {}),
      },
    });
    return { ok: true, version: await touchProject(tx, projectId), changed: changes.length };
  });
}

/**
 * Records the day a milestone was reached (not after today), with a note. For 注册 it also takes the
 * registered company's 统一社会信用代码 (required unless the project already has one) and its registered name.
 */
export async function recordActual(db: Database, viewer: Viewer | null, input: unknown): Promise<MilestoneResult> {
  assertRole(viewer, PROJECT_READERS, "record project milestones");
  const parsed = actualSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { projectId, version, kind, actualOn, note, creditCode, companyName } = parsed.data;
  const now = new Date();
  if (actualOn > shanghaiDay(now)) return { ok: false, fieldErrors: { actualOn: "future" } };
  if (kind !== "REGISTERED" && creditCode) return { ok: false, fieldErrors: { creditCode: "registeredOnly" } };
  if (kind !== "REGISTERED" && companyName) return { ok: false, fieldErrors: { companyName: "registeredOnly" } };
  return db.$transaction(async (tx): Promise<MilestoneResult> => {
    const project = await workable(tx, viewer, projectId, version);
    if (refused(project)) return { ok: false, fieldErrors: project };
    const current = await tx.project.findUniqueOrThrow({
      where: { id: projectId },
      select: { creditCode: true, companyName: true },
    });
    if (kind === "REGISTERED" && !creditCode && !current.creditCode) {
      return { ok: false, fieldErrors: { creditCode: "required" } };
    }
    const milestone = await tx.projectMilestone.findUniqueOrThrow({
      where: { projectId_kind: { projectId, kind } },
      select: { id: true, actualOn: true, note: true },
    });
    await tx.projectMilestone.update({
      where: { id: milestone.id },
      data: { actualOn: asDate(actualOn), note: note ?? null, recordedById: viewer.id, recordedAt: now },
    });
    const company: { creditCode?: string; companyName?: string } = {};
    if (creditCode && creditCode !== current.creditCode) company.creditCode = creditCode;
    if (companyName && companyName !== current.companyName) company.companyName = companyName;
    if (Object.keys(company).length) await tx.project.update({ where: { id: projectId }, data: company });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "project.milestone_actual",
      entityType: "Project",
      entityId: projectId,
      details: {
        leadId: project.leadId,
        kind,
        actualOn: [dayOf(milestone.actualOn), actualOn],
        ...((note ?? null) !== milestone.note ? { note: true } : {}),
        ...(company.creditCode ? { creditCode: true } : {}),
        ...(company.companyName ? { companyName: [current.companyName, company.companyName] } : {}),
      },
    });
    return { ok: true, version: await touchProject(tx, projectId), changed: 1 };
  });
}

/** Takes back an actual day recorded by mistake (with a reason for the audit log): the milestone is open again. */
export async function clearActual(db: Database, viewer: Viewer | null, input: unknown): Promise<MilestoneResult> {
  assertRole(viewer, PROJECT_READERS, "clear project milestones");
  const parsed = clearActualSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { projectId, version, kind, reason } = parsed.data;
  return db.$transaction(async (tx): Promise<MilestoneResult> => {
    const project = await workable(tx, viewer, projectId, version);
    if (refused(project)) return { ok: false, fieldErrors: project };
    const milestone = await tx.projectMilestone.findUniqueOrThrow({
      where: { projectId_kind: { projectId, kind } },
      select: { id: true, actualOn: true },
    });
    if (!milestone.actualOn) return { ok: true, version: project.version, changed: 0 };
    await tx.projectMilestone.update({
      where: { id: milestone.id },
      data: { actualOn: null, note: null, recordedById: null, recordedAt: null },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "project.milestone_actual_clear",
      entityType: "Project",
      entityId: projectId,
      details: { leadId: project.leadId, kind, actualOn: dayOf(milestone.actualOn), reason },
    });
    return { ok: true, version: await touchProject(tx, projectId), changed: 1 };
  });
}
