import { Prisma } from "../db/generated/client";
import { AccessDenied } from "../auth/access";
import type { Role } from "../auth/schema";
import type { Viewer } from "../auth/session";
import { maskEmail, maskedText, maskHandle, maskPhone } from "./mask";

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
 * The leads whose phone (and WeChat ID, email, and the free text that may hold them) the viewer may
 * see, as a Prisma `where` (maySeePhone for queries). Every door that matches, sorts or groups by
 * them must stay inside it: a search that matched a masked number would give it away a digit at a time.
 */
export function phonesVisibleTo(viewer: Viewer): Prisma.LeadWhereInput {
  return managesLeads(viewer) ? {} : { ownerId: viewer.id };
}

/**
 * Staff see a lead's contact channels (phone, WeChat ID, email, and any of them written into its
 * free text) in full only on leads assigned to them; the pool shows them masked until claimed.
 */
export function maySeePhone(viewer: Viewer, lead: { ownerId: string | null }): boolean {
  return managesLeads(viewer) || lead.ownerId === viewer.id;
}

export function phoneFor(viewer: Viewer, lead: { ownerId: string | null; phone: string }): string {
  return maySeePhone(viewer, lead) ? lead.phone : maskPhone(lead.phone);
}

/** The lead's own WeChat ID and email, which maskedText also looks for in free text. */
type Known = { wechat?: string | null; email?: string | null };
type ContactFields = {
  ownerId: string | null;
  phone: string;
  wechat?: string | null;
  email?: string | null;
  notes?: string | null;
  use?: string | null;
};

/** The lead fields masked for a viewer who may not see its phone, and how. */
const MASKED_FIELDS = ["phone", "wechat", "email", "notes", "use"] as const;
export type MaskedField = (typeof MASKED_FIELDS)[number];

function masked(field: MaskedField, value: string, known: Known): string {
  if (field === "phone") return maskPhone(value);
  if (field === "wechat") return maskHandle(value);
  if (field === "email") return maskEmail(value);
  return maskedText(value, known);
}

/**
 * A lead as the viewer may see it: for staff on a pool lead, the phone, WeChat ID and email masked,
 * and notes and the stated use with every phone, email and the lead's WeChat ID in them masked.
 * Only the fields the lead object carries are touched. Every door that shows a lead goes through here.
 */
export function contactFor<T extends ContactFields>(viewer: Viewer, lead: T): T {
  return maySeePhone(viewer, lead) ? lead : maskedContact(lead);
}

/**
 * The lead as a viewer who may not see its contacts sees it (contactFor); lib/leads/edit/mutations.ts compares edits
 * with it.
 */
export function maskedContact<T extends ContactFields>(lead: T): T {
  const shown: T = { ...lead };
  for (const field of MASKED_FIELDS) {
    const value = lead[field];
    if (typeof value === "string") (shown as ContactFields)[field] = masked(field, value, lead);
  }
  return shown;
}

/** Free text about a lead (an inquiry's message, a timeline line, a task title) as the viewer may see it. */
export function textFor<T extends string | null>(viewer: Viewer, lead: { ownerId: string | null } & Known, text: T): T {
  if (text === null || maySeePhone(viewer, lead)) return text;
  return maskedText(text, lead) as T;
}

/** Detail keys that hold ids and keys (user ids, stage keys), never text a person wrote. */
const IDENTIFIER_KEYS = new Set(["mergedId", "from", "to", "rule", "lostReasonKey", "signedAreaUnit", "outcome"]);

/**
 * Timeline details as the viewer may see them: a merge line names the merged lead's phone, and an
 * edit line holds the fields' values before and after ([before, after] under the field's name), so
 * where the lead's contacts are masked, values under phone, wechat and email are masked as those
 * fields are, and every other text as free text.
 */
export function detailsFor(
  viewer: Viewer,
  lead: { ownerId: string | null } & Known,
  details: Prisma.JsonValue,
): Prisma.JsonValue {
  if (maySeePhone(viewer, lead)) return details;
  const walk = (node: Prisma.JsonValue, key: string): Prisma.JsonValue => {
    if (typeof node === "string") {
      if (key === "phone" || key === "wechat" || key === "email") return masked(key, node, lead);
      return IDENTIFIER_KEYS.has(key) ? node : maskedText(node, lead);
    }
    if (Array.isArray(node)) return node.map((child) => walk(child, key));
    if (node === null || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node).map(([childKey, child]) => [childKey, walk(child ?? null, childKey)]),
    );
  };
  return walk(details, "");
}

export function assertManagesLeads(viewer: Viewer, what: string): void {
  if (!managesLeads(viewer)) throw new AccessDenied(what);
}
