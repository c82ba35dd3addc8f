import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { phoneFor, WORKSPACE_ROLES } from "../access";
import { leadFilterWhere } from "../filter/filter";
import { PICKED_LEADS, pickLeadSchema } from "./schema";

export interface PickedLead {
  id: string;
  company: string;
  contactName: string;
  /** masked where the inbox masks it (staff on a pool lead) */
  phone: string;
  stageName: string;
  stageNameEn: string;
  ownerName: string | null;
}

export type PickLeadsAnswer = { ok: true; leads: PickedLead[] } | { ok: false; fieldErrors: FieldErrors };

/**
 * The leads a viewer may hold units for, found by company, contact or phone as the inbox's search finds them
 * (within the leads the viewer may work, a masked number never matched): live and in an open stage, since a won,
 * lost, archived or merged lead cannot hold. A blank search lists the viewer's own leads. Most recently active first.
 */
export async function pickLeads(db: Database, viewer: Viewer | null, input: unknown): Promise<PickLeadsAnswer> {
  assertRole(viewer, WORKSPACE_ROLES, "pick leads");
  const parsed = pickLeadSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const q = parsed.data.q?.trim() || undefined;
  const leads = await db.lead.findMany({
    where: {
      AND: [leadFilterWhere(q ? { q } : { owner: "mine" }, viewer), { erasedAt: null, stage: { category: "OPEN" } }],
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: PICKED_LEADS,
    select: {
      id: true,
      company: true,
      contactName: true,
      phone: true,
      ownerId: true,
      stage: { select: { name: true, nameEn: true } },
      owner: { select: { name: true } },
    },
  });
  return {
    ok: true,
    leads: leads.map((lead) => ({
      id: lead.id,
      company: lead.company,
      contactName: lead.contactName,
      phone: phoneFor(viewer, lead),
      stageName: lead.stage.name,
      stageNameEn: lead.stage.nameEn,
      ownerName: lead.owner?.name ?? null,
    })),
  };
}
