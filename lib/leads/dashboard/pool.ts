import "server-only";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { readSettings } from "../../settings/queries";
import { leadsVisibleTo, WORKSPACE_ROLES } from "../access";

/** The oldest pool leads the dashboard lists: the ones that have waited longest for someone. */
export const POOL_LIST = 5;

/**
 * Counting stops here: on a million leads a pool of 100,000 took ~0.4 s to count row by row on every
 * dashboard load, and past a thousand "1000+" says all a reader needs; the inbox lists them all.
 */
export const POOL_COUNT_CAP = 1000;

const poolLead = {
  id: true,
  company: true,
  createdAt: true,
  source: true,
  needDeal: true,
  needKind: true,
  needArea: true,
  needAreaUnit: true,
} satisfies Prisma.LeadSelect;

/**
 * The pool (公海) as the dashboard shows it, and who round-robin gives new leads to now. The
 * rotation is the intake's own rule (lib/leads/intake/owner-pick.ts): active STAFF who are not
 * away, least recently given a lead first — so the list reads in the order the next leads go.
 * Managers and admins never take turns; under the park-owner rule a park's owner gets its leads
 * first, whatever their role, unless away. Nobody in the rotation: new leads wait in the pool.
 */
export async function poolSummary(db: Database, viewer: Viewer | null, countCap = POOL_COUNT_CAP) {
  assertRole(viewer, WORKSPACE_ROLES, "read the pool");
  const where = {
    ...leadsVisibleTo(viewer),
    ownerId: null,
    mergedIntoId: null,
    archivedAt: null,
    erasedAt: null,
  } satisfies Prisma.LeadWhereInput;
  const [leads, count, rotation, me, ownedParks, settings] = await Promise.all([
    db.lead.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: POOL_LIST, select: poolLead }),
    db.lead.count({ where, take: countCap + 1 }),
    db.user.findMany({
      where: { role: "STAFF", active: true, away: false },
      orderBy: [{ lastAssignedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
      select: { id: true, name: true },
    }),
    db.user.findUnique({ where: { id: viewer.id }, select: { away: true } }),
    db.park.count({ where: { ownerId: viewer.id } }),
    readSettings(db),
  ]);
  return {
    leads,
    count: Math.min(count, countCap),
    /** more wait than `count`, which stopped at the cap */
    countCapped: count > countCap,
    rotation,
    rule: settings.assignment.rule,
    /** whether round-robin (or, for a park's owner, the park-owner rule) gives the viewer new leads now */
    you: {
      away: me?.away ?? false,
      takesTurns: viewer.role === "STAFF",
      ownsParks: ownedParks > 0,
    },
  };
}

export type PoolSummary = Awaited<ReturnType<typeof poolSummary>>;
export type PoolLead = PoolSummary["leads"][number];
