import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import { managesProjects, PROJECT_READERS, projectsVisibleTo } from "../access";
import { shanghaiDay } from "../../calendar/shanghai-time";
import { fundingFigures } from "./figures";

/** A @db.Date column as its calendar day. */
export const dayOf = (value: Date) => value.toISOString().slice(0, 10);

/**
 * The project's 到资 as its page shows it: the schedule, the payments (newest first, each saying whether the
 * viewer may delete it: its recorder, or a manager), and the figures on today's Shanghai day. Null when the
 * project is missing or outside the viewer's scope.
 */
export async function projectFunding(db: Database, viewer: Viewer | null, projectId: string, now = new Date()) {
  assertRole(viewer, PROJECT_READERS, "read projects");
  const project = await db.project.findFirst({
    where: { id: projectId, ...projectsVisibleTo(viewer) },
    select: {
      id: true,
      status: true,
      version: true,
      totalInvestment: true,
      fundingPlans: { orderBy: { dueOn: "asc" }, select: { dueOn: true, amount: true } },
      fundings: {
        orderBy: [{ paidOn: "desc" }, { createdAt: "desc" }],
        select: {
          id: true,
          paidOn: true,
          amount: true,
          note: true,
          recordedById: true,
          recordedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!project) return null;
  const today = shanghaiDay(now);
  const manages = managesProjects(viewer);
  const plan = project.fundingPlans.map((row) => ({ dueOn: dayOf(row.dueOn), amount: row.amount.toString() }));
  const payments = project.fundings.map((row) => ({
    id: row.id,
    paidOn: dayOf(row.paidOn),
    amount: row.amount.toString(),
    note: row.note,
    recordedBy: row.recordedBy?.name ?? null,
    deletable: manages || row.recordedById === viewer.id,
  }));
  return {
    projectId: project.id,
    version: project.version,
    terminated: project.status === "TERMINATED",
    today,
    plan,
    payments,
    figures: fundingFigures({ committed: project.totalInvestment?.toString() ?? null, plan, payments, today }),
  };
}
export type ProjectFunding = NonNullable<Awaited<ReturnType<typeof projectFunding>>>;
