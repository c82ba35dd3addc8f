import "server-only";
import type { ChannelKind, OutboxEvent, Prisma, Role } from "../../db/generated/client";
import { shanghaiDayBounds } from "../../calendar/shanghai-time";
import { mailServer } from "../channels";
import { readNotifyRules, type NotifyRules } from "../settings";
import { eventData } from "./event-data";

/*
 * Everything a batch of events is planned from, read in a fixed handful of queries whatever the
 * batch's size: the planner runs under intake load, so it never reads per event.
 */

export interface PlanLead {
  id: string;
  ownerId: string | null;
  /** when it got its owner: the intake's own time when the intake statement gave it one */
  assignedAt: Date | null;
  parkId: string | null;
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  archivedAt: Date | null;
  erasedAt: Date | null;
  mergedIntoId: string | null;
  consentWithdrawnAt: Date | null;
}

export interface PlanUser {
  id: string;
  role: Role;
  active: boolean;
  emailMuted: string[];
}

export interface PlanChannel {
  id: string;
  kind: ChannelKind;
  parkId: string | null;
  active: boolean;
}

/** An outbound webhook subscription (lib/webhooks): the events it asked for, and its park when it has one. */
export interface PlanSubscription {
  id: string;
  events: string[];
  parkId: string | null;
  active: boolean;
}

/** A unit's hold an event of the batch names: its holder, its lead, whether it is still on and until when. */
export interface PlanHold {
  id: string;
  holderId: string;
  leadId: string;
  expiresAt: Date;
  endedAt: Date | null;
}

/** A project's milestone an event of the batch names, with what decides whether it is still worth saying. */
export interface PlanMilestone {
  id: string;
  /** YYYY-MM-DD, or null once the plan was cleared */
  plannedOn: string | null;
  done: boolean;
  projectActive: boolean;
  ownerId: string | null;
}

/** A 督办 item an event of the batch names. */
export interface PlanSupervision {
  id: string;
  assigneeId: string;
  openedById: string;
  closed: boolean;
  projectActive: boolean;
}

export interface Batch {
  leads: Map<string, PlanLead>;
  /** whether each inquiry of the batch left an email address */
  inquiryHasEmail: Map<string, boolean>;
  users: Map<string, PlanUser>;
  /** active managers and admins, when an event of the batch goes to them */
  managers: PlanUser[];
  channels: PlanChannel[];
  /** active webhook subscriptions (and those a test names), when an event of the batch may announce something */
  subscriptions: PlanSubscription[];
  /** active users with open tasks due by the end of the Shanghai day */
  taskAssignees: string[];
  holds: Map<string, PlanHold>;
  milestones: Map<string, PlanMilestone>;
  supervisions: Map<string, PlanSupervision>;
  /** whether a mail server is configured: without one no email is planned */
  mail: boolean;
  rules: NotifyRules;
}

const MANAGER_ROLES: Role[] = ["MANAGER", "ADMIN"];
const ROLE_KINDS = new Set([
  "response.overdue",
  "digest.daily",
  "privacy.requested",
  "project.milestone_late",
  "supervision.escalated",
]);
/** The kinds outbound webhooks announce (lib/webhooks/events.ts), and their test. */
const WEBHOOK_KINDS = new Set([
  "inquiry.received",
  "lead.reassigned",
  "lead.stage_changed",
  "lead.erased",
  "webhook.test",
]);

export async function loadBatch(tx: Prisma.TransactionClient, events: OutboxEvent[], now: Date): Promise<Batch> {
  const kinds = new Set(events.map((event) => event.kind));
  const leadIds = unique(events.map((event) => event.leadId));
  const inquiryIds = unique(events.map((event) => event.inquiryId));
  const named = events.flatMap((event) => {
    const data = eventData(event);
    return [data?.toOwnerId, data?.userId].filter((id): id is string => typeof id === "string");
  });
  const testChannelIds = unique(events.map((event) => eventData(event)?.channelId));
  const testSubscriptionIds = unique(events.map((event) => eventData(event)?.subscriptionId));
  const holdIds = unique(events.map((event) => eventData(event)?.holdId));
  const milestoneIds = unique(events.map((event) => eventData(event)?.milestoneId));
  const supervisionIds = unique(events.map((event) => eventData(event)?.supervisionId));

  // Plain SQL for the two reads that grow with the batch: the ORM's row mapping cost twice the CPU.
  const leads = leadIds.length
    ? await tx.$queryRaw<PlanLead[]>`
        SELECT "id", "ownerId", "assignedAt", "parkId", "firstResponseDueAt", "firstRespondedAt", "archivedAt",
          "erasedAt", "mergedIntoId", "consentWithdrawnAt"
        FROM "Lead" WHERE "id" = ANY(${leadIds}::text[])`
    : [];
  const inquiries = inquiryIds.length
    ? await tx.$queryRaw<{ id: string; hasEmail: boolean }[]>`
        SELECT "id", COALESCE("email", '') <> '' AS "hasEmail" FROM "Inquiry" WHERE "id" = ANY(${inquiryIds}::text[])`
    : [];
  const taskAssignees = kinds.has("tasks.due") ? await assigneesWithTasksDue(tx, now) : [];
  const holds = holdIds.length
    ? await tx.unitHold.findMany({
        where: { id: { in: holdIds } },
        select: { id: true, holderId: true, leadId: true, expiresAt: true, endedAt: true },
      })
    : [];

  const milestones = milestoneIds.length
    ? await tx.projectMilestone.findMany({
        where: { id: { in: milestoneIds } },
        select: {
          id: true,
          plannedOn: true,
          actualOn: true,
          project: { select: { status: true, ownerId: true } },
        },
      })
    : [];
  const supervisions = supervisionIds.length
    ? await tx.supervision.findMany({
        where: { id: { in: supervisionIds } },
        select: { id: true, assigneeId: true, openedById: true, status: true, project: { select: { status: true } } },
      })
    : [];

  const userIds = unique([
    ...leads.map((lead) => lead.ownerId),
    ...named,
    ...taskAssignees,
    ...holds.map((hold) => hold.holderId),
    ...milestones.map((milestone) => milestone.project.ownerId),
    ...supervisions.flatMap((item) => [item.assigneeId, item.openedById]),
  ]);
  const byRole = [...kinds].some((kind) => ROLE_KINDS.has(kind));
  const users =
    userIds.length || byRole
      ? await tx.user.findMany({
          where: {
            OR: [{ id: { in: userIds } }, ...(byRole ? [{ role: { in: MANAGER_ROLES }, active: true }] : [])],
          },
          select: { id: true, role: true, active: true, emailMuted: true },
          orderBy: { id: "asc" },
        })
      : [];

  const parkIds = unique(leads.map((lead) => lead.parkId));
  const channels =
    leads.length || testChannelIds.length
      ? await tx.notifyChannel.findMany({
          where: {
            OR: [{ active: true, OR: [{ parkId: null }, { parkId: { in: parkIds } }] }, { id: { in: testChannelIds } }],
          },
          select: { id: true, kind: true, parkId: true, active: true },
          orderBy: { createdAt: "asc" },
        })
      : [];

  // Once per batch, whatever its size: the intake's events are announced without a read per inquiry.
  const subscriptions = [...kinds].some((kind) => WEBHOOK_KINDS.has(kind))
    ? await tx.webhookSubscription.findMany({
        where: { OR: [{ active: true }, { id: { in: testSubscriptionIds } }] },
        select: { id: true, events: true, parkId: true, active: true },
        orderBy: { createdAt: "asc" },
      })
    : [];

  return {
    leads: new Map(leads.map((lead) => [lead.id, lead])),
    inquiryHasEmail: new Map(inquiries.map((inquiry) => [inquiry.id, inquiry.hasEmail])),
    users: new Map(users.map((user) => [user.id, user])),
    managers: users.filter((user) => user.active && MANAGER_ROLES.includes(user.role)),
    channels,
    subscriptions,
    taskAssignees,
    holds: new Map(holds.map((hold) => [hold.id, hold])),
    milestones: new Map(
      milestones.map((milestone) => [
        milestone.id,
        {
          id: milestone.id,
          plannedOn: milestone.plannedOn?.toISOString().slice(0, 10) ?? null,
          done: milestone.actualOn !== null,
          projectActive: milestone.project.status === "ACTIVE",
          ownerId: milestone.project.ownerId,
        },
      ]),
    ),
    supervisions: new Map(
      supervisions.map((item) => [
        item.id,
        {
          id: item.id,
          assigneeId: item.assigneeId,
          openedById: item.openedById,
          closed: item.status === "CLOSED",
          projectActive: item.project.status === "ACTIVE",
        },
      ]),
    ),
    mail: (await mailServer(tx)) !== null,
    rules: await readNotifyRules(tx),
  };
}

/** Who has open follow-up tasks due today (Asia/Shanghai), the overdue ones still open included. */
async function assigneesWithTasksDue(tx: Prisma.TransactionClient, now: Date): Promise<string[]> {
  const rows = await tx.task.groupBy({
    by: ["assigneeId"],
    where: { doneAt: null, dueAt: { lt: shanghaiDayBounds(now).end }, assignee: { active: true } },
    orderBy: { assigneeId: "asc" },
  });
  return rows.map((row) => row.assigneeId);
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === "string"))];
}
