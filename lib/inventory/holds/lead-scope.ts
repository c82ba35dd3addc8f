import "server-only";
import { Prisma } from "../../db/generated/client";
import type { Viewer } from "../../auth/session";
import { managesInventory } from "../access";

/*
 * The leads a viewer may hold units for, sign and move in through. The inventory sits below the leads
 * domain (a lead's stage move, archive, erase and merge call into it), so it cannot import lib/leads/access;
 * it states the same rule here (managers and admins every lead, staff their own and the unassigned pool),
 * and tests/integration/inventory-holds.test.ts proves the two agree for every role.
 */

/**
 * The leads a viewer may hold units for, as raw SQL over "Lead" aliased `alias`: managers and admins every
 * lead, staff their own and the unassigned pool.
 */
export function workableLeadSql(viewer: Viewer, alias = "l"): Prisma.Sql {
  if (managesInventory(viewer)) return Prisma.sql`TRUE`;
  const owner = Prisma.raw(`"${alias}"."ownerId"`);
  return Prisma.sql`(${owner} = ${viewer.id} OR ${owner} IS NULL)`;
}

/** The same scope as a Prisma `where` on Lead. */
export function workableLeadsWhere(viewer: Viewer): Prisma.LeadWhereInput {
  if (managesInventory(viewer)) return {};
  return { OR: [{ ownerId: viewer.id }, { ownerId: null }] };
}
