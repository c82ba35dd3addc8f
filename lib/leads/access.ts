import { Prisma } from "../db/generated/client";
import { AccessDenied } from "../auth/access";
import type { Role } from "../auth/schema";
import type { Viewer } from "../auth/session";

export const WORKSPACE_ROLES: readonly Role[] = ["STAFF", "MANAGER", "ADMIN"];
/** Who may work every lead (reassign, merge, see every phone). */
export const LEAD_MANAGERS: readonly Role[] = ["MANAGER", "ADMIN"];

export function managesLeads(viewer: Viewer): boolean {
  return LEAD_MANAGERS.includes(viewer.role);
}

/**
 * The leads a viewer may read and work, as a Prisma `where`: managers and admins every lead,
 * staff their own and the unassigned pool. Spread it into every lead query, so a lead outside it
 * reads as "not found" whichever door the request came through.
 */
export function leadsVisibleTo(viewer: Viewer): Prisma.LeadWhereInput {
  if (managesLeads(viewer)) return {};
  return { OR: [{ ownerId: viewer.id }, { ownerId: null }] };
}

/** The same scope for raw SQL over "Lead" aliased as `alias`. */
export function leadsVisibleSql(viewer: Viewer, alias = "l"): Prisma.Sql {
  if (managesLeads(viewer)) return Prisma.sql`TRUE`;
  const owner = Prisma.raw(`"${alias}"."ownerId"`);
  return Prisma.sql`(${owner} = ${viewer.id} OR ${owner} IS NULL)`;
}

/**
 * The leads whose phone the viewer may see, as a Prisma `where` (maySeePhone for queries). Every
 * door that matches, sorts or groups by a phone must stay inside it: a search that matched a
 * masked number would give it away a digit at a time.
 */
export function phonesVisibleTo(viewer: Viewer): Prisma.LeadWhereInput {
  return managesLeads(viewer) ? {} : { ownerId: viewer.id };
}

/** Staff see a phone in full only on leads assigned to them; the pool shows it masked until claimed. */
export function maySeePhone(viewer: Viewer, lead: { ownerId: string | null }): boolean {
  return managesLeads(viewer) || lead.ownerId === viewer.id;
}

/** 13812345678 → 138****5678; +86 and other lengths keep only their first three and last four. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export function phoneFor(viewer: Viewer, lead: { ownerId: string | null; phone: string }): string {
  return maySeePhone(viewer, lead) ? lead.phone : maskPhone(lead.phone);
}

/**
 * Timeline details as the viewer may see them: a merge line names the merged lead's phone, which is
 * now one of this lead's phones, so it is masked wherever the lead's own phone is.
 */
export function detailsFor(viewer: Viewer, lead: { ownerId: string | null }, details: Prisma.JsonValue): Prisma.JsonValue {
  if (maySeePhone(viewer, lead)) return details;
  const walk = (node: Prisma.JsonValue): Prisma.JsonValue => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => [key, key === "phone" && typeof child === "string" ? maskPhone(child) : walk(child ?? null)]),
    );
  };
  return walk(details);
}

export function assertManagesLeads(viewer: Viewer, what: string): void {
  if (!managesLeads(viewer)) throw new AccessDenied(what);
}
