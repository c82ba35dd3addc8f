import "server-only";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { readSettings } from "../../settings/queries";
import { LEAD_MANAGERS, leadsVisibleTo, managesLeads, textFor, WORKSPACE_ROLES } from "../access";
import { shanghaiDayBounds } from "../../calendar/shanghai-time";
import { workingHoursBetween } from "../../calendar/working-hours";
import { poolSummary } from "./pool";

const LIST = 10;
/** Leads people work: not merged away, not archived. */
const LIVE = { mergedIntoId: null, archivedAt: null } satisfies Prisma.LeadWhereInput;
const lateAt = (now: Date) =>
  ({ firstRespondedAt: null, firstResponseDueAt: { lt: now } }) satisfies Prisma.LeadWhereInput;

const leadRow = {
  id: true,
  company: true,
  createdAt: true,
  score: true,
  vetoed: true,
  firstResponseDueAt: true,
  needDeal: true,
  needKind: true,
  needArea: true,
  needAreaUnit: true,
  owner: { select: { name: true } },
} satisfies Prisma.LeadSelect;

const taskRow = {
  id: true,
  title: true,
  dueAt: true,
  lead: { select: { id: true, company: true, ownerId: true, wechat: true, email: true } },
} satisfies Prisma.TaskSelect;
type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskRow }>;

/**
 * What the dashboard tells the signed-in user. Everyone: their new leads, their follow-ups due
 * later today (Asia/Shanghai day) and what is overdue (follow-ups past due, their leads past the
 * first-response deadline), the pool waiting to be claimed and who round-robin gives leads to.
 * Managers and admins also: every lead past its first-response deadline, and the number of leads
 * in each stage. Lists hold the first ten; counts are of all.
 */
export async function dashboardSummary(db: Database, viewer: Viewer | null, now = new Date()) {
  assertRole(viewer, WORKSPACE_ROLES, "read the dashboard");
  const mine = { ownerId: viewer.id, ...LIVE } satisfies Prisma.LeadWhereInput;
  const myTasks = {
    assigneeId: viewer.id,
    doneAt: null,
    lead: { ...leadsVisibleTo(viewer), ...LIVE },
  } satisfies Prisma.TaskWhereInput;
  const today = shanghaiDayBounds(now);
  const newWhere = { ...mine, stageKey: "new" };
  const dueTodayWhere = { ...myTasks, dueAt: { gte: now, lt: today.end } };
  const overdueWhere = { ...myTasks, dueAt: { lt: now } };
  const myLateWhere = { ...mine, ...lateAt(now) };

  const [
    settings,
    myNew,
    myNewCount,
    dueToday,
    dueTodayCount,
    overdueTasks,
    overdueTaskCount,
    myLate,
    myLateCount,
    pool,
  ] = await Promise.all([
    readSettings(db),
    db.lead.findMany({
      where: newWhere,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LIST,
      select: leadRow,
    }),
    db.lead.count({ where: newWhere }),
    db.task.findMany({ where: dueTodayWhere, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: LIST, select: taskRow }),
    db.task.count({ where: dueTodayWhere }),
    db.task.findMany({ where: overdueWhere, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: LIST, select: taskRow }),
    db.task.count({ where: overdueWhere }),
    db.lead.findMany({
      where: myLateWhere,
      orderBy: [{ firstResponseDueAt: "asc" }, { id: "asc" }],
      take: LIST,
      select: leadRow,
    }),
    db.lead.count({ where: myLateWhere }),
    poolSummary(db, viewer),
  ]);
  // A task on a pool lead may name its phone ("call 138…"): titles are masked as the lead's contacts are.
  const shownTask = ({ lead: { ownerId, wechat, email, ...lead }, ...task }: TaskRow) => ({
    ...task,
    title: textFor(viewer, { ownerId, wechat, email }, task.title),
    lead,
  });
  const lateBy = (lead: { firstResponseDueAt: Date | null }) =>
    lead.firstResponseDueAt
      ? Math.round(workingHoursBetween(lead.firstResponseDueAt, now, settings.workingHours) * 10) / 10
      : 0;

  return {
    pool,
    myNew: { leads: myNew, count: myNewCount },
    dueToday: { tasks: dueToday.map(shownTask), count: dueTodayCount },
    overdue: {
      tasks: overdueTasks.map(shownTask),
      taskCount: overdueTaskCount,
      leads: myLate.map((lead) => ({ ...lead, lateBy: lateBy(lead) })),
      leadCount: myLateCount,
    },
    manager: managesLeads(viewer) ? await managerSummary(db, viewer, now, lateBy) : null,
    admin: viewer.role === "ADMIN" ? await adminItems(db, viewer, now) : null,
  };
}

/**
 * What only admins act on: investors' open PIPL requests (how many, how many overdue, the nearest
 * deadline) and the notification channels whose last delivery died (a bad key…), until a send succeeds.
 */
async function adminItems(db: Database, viewer: Viewer, now: Date) {
  assertRole(viewer, ["ADMIN"], "read PIPL requests and failing channels");
  const [openCount, overdueCount, nearest, failing] = await Promise.all([
    db.privacyRequest.count({ where: { status: "OPEN" } }),
    db.privacyRequest.count({ where: { status: "OPEN", dueAt: { lt: now } } }),
    db.privacyRequest.findFirst({
      where: { status: "OPEN" },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      select: { dueAt: true },
    }),
    db.notifyChannel.findMany({
      where: { failure: { not: null } },
      orderBy: [{ failedAt: "desc" }, { id: "asc" }],
      take: LIST,
      select: { id: true, name: true, kind: true, failure: true, failedAt: true },
    }),
  ]);
  return {
    privacy: { count: openCount, overdue: overdueCount, nearestDueAt: nearest?.dueAt ?? null },
    failingChannels: failing,
  };
}

async function managerSummary(
  db: Database,
  viewer: Viewer,
  now: Date,
  lateBy: (lead: { firstResponseDueAt: Date | null }) => number,
) {
  assertRole(viewer, LEAD_MANAGERS, "read every lead's deadlines");
  const lateWhere = { ...LIVE, ...lateAt(now) };
  const [late, lateCount, stages, counts] = await Promise.all([
    db.lead.findMany({
      where: lateWhere,
      orderBy: [{ firstResponseDueAt: "asc" }, { id: "asc" }],
      take: LIST,
      select: leadRow,
    }),
    db.lead.count({ where: lateWhere }),
    db.stage.findMany({ orderBy: { position: "asc" } }),
    db.lead.groupBy({ by: ["stageKey"], where: LIVE, _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((row) => [row.stageKey, row._count._all]));
  return {
    late: { leads: late.map((lead) => ({ ...lead, lateBy: lateBy(lead) })), count: lateCount },
    stages: stages.map((stage) => ({
      key: stage.key,
      name: stage.name,
      nameEn: stage.nameEn,
      leads: countOf.get(stage.key) ?? 0,
    })),
  };
}

export type DashboardSummary = Awaited<ReturnType<typeof dashboardSummary>>;
export type DashboardLead = DashboardSummary["myNew"]["leads"][number];
export type DashboardTask = DashboardSummary["dueToday"]["tasks"][number];
