"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../../auth/authed";
import { assignLeads, claimLead } from "./mutations";

/*
 * The lead page's owner doors (claim, reassign). Thin: the lib/ functions decide who may do
 * what; these only find the database and viewer and refresh the pages that show the lead.
 */

function refresh(leadId: string) {
  revalidatePath(`/crm/leads/${leadId}`);
  revalidatePath("/crm/leads");
}

export async function claimLeadAction(leadId: string) {
  const result = await asViewer((viewer, db) => claimLead(db, viewer, { leadId }));
  if (result.ok) refresh(leadId);
  return result;
}

export async function assignLeadAction(leadId: string, ownerId: string | null) {
  const result = await asViewer((viewer, db) => assignLeads(db, viewer, { leadIds: [leadId], ownerId }));
  if (result.ok) refresh(leadId);
  return result;
}
