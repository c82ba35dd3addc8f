import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { PROJECT_READERS, visibleProjectSql } from "../access";
import { shanghaiDay } from "../../calendar/shanghai-time";
import type { MilestoneKind } from "../types";
import { addDays, readWarnDays } from "./rules";

/*
 * 项目预警: the open milestones of active projects that are late or due within the warning days, for the
 * dashboard — an officer's own projects, every project for managers.
 */

/** How many of each the dashboard lists; the counts are of all. */
export const WARNINGS_LISTED = 10;

export interface MilestoneWarning {
  projectId: string;
  projectName: string;
  ownerName: string | null;
  kind: MilestoneKind;
  /** YYYY-MM-DD */
  plannedOn: string;
}

export interface ProjectWarnings {
  warnDays: number;
  today: string;
  late: { count: number; milestones: MilestoneWarning[] };
  dueSoon: { count: number; milestones: MilestoneWarning[] };
}

/**
 * The condition on a "ProjectMilestone" aliased `alias` for one kind of warning on `today` (YYYY-MM-DD, Shanghai):
 * open and planned before today (late), or open and planned from today through today + warnDays (due soon).
 * The project's own status and scope are the caller's to add.
 */
export function warningSql(kind: "late" | "dueSoon", today: string, warnDays: number, alias = "m"): Prisma.Sql {
  const m = (column: string) => Prisma.raw(`"${alias}"."${column}"`);
  if (kind === "late") return Prisma.sql`(${m("actualOn")} IS NULL AND ${m("plannedOn")} < ${today}::date)`;
  return Prisma.sql`(${m("actualOn")} IS NULL
    AND ${m("plannedOn")} BETWEEN ${today}::date AND ${addDays(today, warnDays)}::date)`;
}

export async function projectWarnings(db: Database, viewer: Viewer | null, now = new Date()): Promise<ProjectWarnings> {
  assertRole(viewer, PROJECT_READERS, "read project warnings");
  const warnDays = await readWarnDays(db);
  const today = shanghaiDay(now);
  const read = async (kind: "late" | "dueSoon") => {
    const where = Prisma.sql`p."status" = 'ACTIVE' AND ${visibleProjectSql(viewer, "p")}
      AND ${warningSql(kind, today, warnDays, "m")}`;
    const [rows, [{ count }]] = await Promise.all([
      db.$queryRaw<(Omit<MilestoneWarning, "plannedOn"> & { plannedOn: Date })[]>`
        SELECT p."id" AS "projectId", p."name" AS "projectName", u."name" AS "ownerName",
          m."kind"::text AS "kind", m."plannedOn"
        FROM "ProjectMilestone" m JOIN "Project" p ON p."id" = m."projectId"
        LEFT JOIN "User" u ON u."id" = p."ownerId"
        WHERE ${where}
        ORDER BY m."plannedOn", p."name", p."id", m."kind"
        LIMIT ${WARNINGS_LISTED}`,
      db.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS "count"
        FROM "ProjectMilestone" m JOIN "Project" p ON p."id" = m."projectId"
        WHERE ${where}`,
    ]);
    return {
      count,
      milestones: rows.map((row) => ({ ...row, plannedOn: row.plannedOn.toISOString().slice(0, 10) })),
    };
  };
  const [late, dueSoon] = await Promise.all([read("late"), read("dueSoon")]);
  return { warnDays, today, late, dueSoon };
}
