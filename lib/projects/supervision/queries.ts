import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { shanghaiDay } from "../../calendar/shanghai-time";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { managesProjects, PROJECT_READERS, projectsVisibleTo } from "../access";
import type { ProjectStatus, SupervisionEntryKind, SupervisionStatus } from "../types";
import { supervisionFilterSchema, type SupervisionFilter } from "./schema";

/*
 * 督办 as the project page, the 督办台账 and the dashboard read it, always in the viewer's project scope: staff see
 * the items of the projects they own, managers and admins every item. Days are Shanghai calendar days; an item
 * is overdue (超期) when it is not closed and its due day is before today.
 */

export interface SupervisionRights {
  answer: boolean;
  instruct: boolean;
  reopen: boolean;
  close: boolean;
}

export interface SupervisionItem {
  id: string;
  title: string;
  status: SupervisionStatus;
  /** YYYY-MM-DD */
  dueOn: string;
  overdue: boolean;
  escalatedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  version: number;
  assignee: { id: string; name: string };
  openedBy: { id: string; name: string };
  entries: {
    id: string;
    kind: SupervisionEntryKind;
    body: string | null;
    authorName: string | null;
    createdAt: Date;
  }[];
  can: SupervisionRights;
}

export interface ProjectSupervision {
  items: SupervisionItem[];
  /** whom a new item may go to (the project's owner and the managers), empty when the viewer may not open one */
  assignees: { id: string; name: string; owner: boolean }[];
  ownerId: string | null;
}

/** Whether the viewer may take each step on an item (the page's buttons; the mutations decide again). */
export function supervisionRights(
  viewer: Viewer,
  item: { assigneeId: string; status: SupervisionStatus },
  terminated: boolean,
): SupervisionRights {
  const live = !terminated && item.status !== "CLOSED";
  const manager = managesProjects(viewer);
  return {
    answer: live && item.assigneeId === viewer.id,
    instruct: live && manager,
    reopen: live && manager && item.status === "ANSWERED",
    close: live && manager,
  };
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const dayStart = (value: string) => new Date(`${value}T00:00:00.000Z`);
const person = { select: { id: true, name: true } } as const;

/** The project's items with their threads, oldest entry first; null for a project outside the viewer's scope. */
export async function supervisionsOfProject(
  db: Database,
  viewer: Viewer | null,
  projectId: string,
  now = new Date(),
): Promise<ProjectSupervision | null> {
  assertRole(viewer, PROJECT_READERS, "read 督办 items");
  const project = await db.project.findFirst({
    where: { id: projectId, ...projectsVisibleTo(viewer) },
    select: { status: true, ownerId: true, owner: { select: { id: true, name: true, active: true } } },
  });
  if (!project) return null;
  const terminated = project.status === "TERMINATED";
  const today = shanghaiDay(now);
  const mayOpen = managesProjects(viewer) && !terminated;
  const [rows, managers] = await Promise.all([
    db.supervision.findMany({
      where: { projectId },
      orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { dueOn: "asc" }, { createdAt: "asc" }],
      include: {
        assignee: person,
        openedBy: person,
        entries: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: person } },
      },
    }),
    mayOpen
      ? db.user.findMany({
          where: { active: true, role: { in: ["MANAGER", "ADMIN"] } },
          select: { id: true, name: true },
          orderBy: { name: "asc" },
        })
      : Promise.resolve([]),
  ]);
  const owner = mayOpen && project.owner?.active ? [{ id: project.owner.id, name: project.owner.name }] : [];
  return {
    ownerId: project.ownerId,
    assignees: [
      ...owner.map((user) => ({ ...user, owner: true })),
      ...managers.filter((user) => user.id !== project.ownerId).map((user) => ({ ...user, owner: false })),
    ],
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      dueOn: day(row.dueOn),
      overdue: row.status !== "CLOSED" && day(row.dueOn) < today,
      escalatedAt: row.escalatedAt,
      answeredAt: row.answeredAt,
      closedAt: row.closedAt,
      createdAt: row.createdAt,
      version: row.version,
      assignee: row.assignee,
      openedBy: row.openedBy,
      entries: row.entries.map((entry) => ({
        id: entry.id,
        kind: entry.kind,
        body: entry.body,
        authorName: entry.author?.name ?? null,
        createdAt: entry.createdAt,
      })),
      can: supervisionRights(viewer, row, terminated),
    })),
  };
}

export interface SupervisionRow {
  id: string;
  title: string;
  status: SupervisionStatus;
  dueOn: string;
  overdue: boolean;
  escalatedAt: Date | null;
  answeredAt: Date | null;
  project: { id: string; name: string; companyName: string; status: ProjectStatus };
  assigneeName: string;
  openedByName: string;
}

export const SUPERVISION_PAGE_SIZE = 50;

export type SupervisionList =
  | { ok: true; filter: SupervisionFilter; rows: SupervisionRow[]; total: number; pageSize: number }
  | { ok: false; fieldErrors: FieldErrors };

/** The `where` of a list in the viewer's scope: staff see only items assigned to them on the projects they own. */
function listWhere(viewer: Viewer, filter: SupervisionFilter, today: string): Prisma.SupervisionWhereInput {
  const and: Prisma.SupervisionWhereInput[] = [{ project: projectsVisibleTo(viewer) }];
  if (!managesProjects(viewer) || filter.mine) and.push({ assigneeId: viewer.id });
  if (filter.status === "unfinished") and.push({ status: { in: ["OPEN", "ANSWERED"] } });
  else if (filter.status !== "all") and.push({ status: filter.status });
  if (filter.overdue) and.push({ status: { not: "CLOSED" }, dueOn: { lt: dayStart(today) } });
  if (!filter.terminated) and.push({ project: { status: "ACTIVE" } });
  if (filter.q) {
    const contains = { contains: filter.q, mode: "insensitive" } as const;
    and.push({ OR: [{ title: contains }, { project: { name: contains } }, { project: { companyName: contains } }] });
  }
  return { AND: and };
}

/**
 * The 督办台账: unfinished items first, then by due day, so the overdue ones lead. Staff see the items assigned
 * to them on their own projects; managers and admins all (or their own with `mine`). Items of terminated
 * projects are hidden unless asked for.
 */
export async function supervisionList(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  { now = new Date(), pageSize = SUPERVISION_PAGE_SIZE }: { now?: Date; pageSize?: number } = {},
): Promise<SupervisionList> {
  assertRole(viewer, PROJECT_READERS, "read the 督办台账");
  const parsed = supervisionFilterSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const filter = parsed.data;
  const today = shanghaiDay(now);
  const where = listWhere(viewer, filter, today);
  const [rows, total] = await Promise.all([
    db.supervision.findMany({
      where,
      orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { dueOn: "asc" }, { id: "asc" }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        title: true,
        status: true,
        dueOn: true,
        escalatedAt: true,
        answeredAt: true,
        project: { select: { id: true, name: true, companyName: true, status: true } },
        assignee: { select: { name: true } },
        openedBy: { select: { name: true } },
      },
    }),
    db.supervision.count({ where }),
  ]);
  return {
    ok: true,
    filter,
    total,
    pageSize,
    rows: rows.map(({ assignee, openedBy, dueOn, ...row }) => ({
      ...row,
      dueOn: day(dueOn),
      overdue: row.status !== "CLOSED" && day(dueOn) < today,
      assigneeName: assignee.name,
      openedByName: openedBy.name,
    })),
  };
}

export interface SupervisionDashboard {
  /** 我的督办: unfinished items assigned to the viewer, overdue first */
  mine: { count: number; rows: SupervisionRow[] };
  /** 超期督办, for managers and admins: every overdue item of an active project */
  overdue: { count: number; rows: SupervisionRow[] } | null;
}

/** The dashboard's two 督办 sections, a few rows each with the full count. */
export async function supervisionDashboard(
  db: Database,
  viewer: Viewer | null,
  now = new Date(),
  shown = 5,
): Promise<SupervisionDashboard> {
  assertRole(viewer, PROJECT_READERS, "read 督办 items");
  const options = { now, pageSize: shown };
  const [mine, overdue] = await Promise.all([
    supervisionList(db, viewer, { mine: true }, options),
    managesProjects(viewer) ? supervisionList(db, viewer, { overdue: true }, options) : null,
  ]);
  const section = (list: SupervisionList) => {
    if (!list.ok) throw new Error("the dashboard's 督办 filter was refused");
    return { count: list.total, rows: list.rows };
  };
  return { mine: section(mine), overdue: overdue && section(overdue) };
}
