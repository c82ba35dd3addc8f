import "server-only";
import type { Database } from "../db/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";

const WORKSPACE_ROLES = ["STAFF", "MANAGER", "ADMIN"] as const;

/** The dashboard's counts per stage (every stage, zero included) and the newest leads with their latest need. */
export async function dashboardSummary(db: Database, viewer: Viewer | null) {
  assertRole(viewer, WORKSPACE_ROLES, "read the dashboard");
  const [stages, counts, newest] = await Promise.all([
    db.stage.findMany({ orderBy: { position: "asc" } }),
    db.lead.groupBy({ by: ["stageKey"], _count: { _all: true } }),
    db.lead.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: {
        id: true,
        company: true,
        contactName: true,
        createdAt: true,
        stage: { select: { name: true, nameEn: true } },
        inquiries: {
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { needDeal: true, needKind: true, needArea: true, needAreaUnit: true },
        },
      },
    }),
  ]);
  const countOf = new Map(counts.map((row) => [row.stageKey, row._count._all]));
  return {
    stages: stages.map((stage) => ({ key: stage.key, name: stage.name, nameEn: stage.nameEn, leads: countOf.get(stage.key) ?? 0 })),
    newest: newest.map(({ inquiries, ...lead }) => ({ ...lead, need: inquiries[0] ?? null })),
  };
}
