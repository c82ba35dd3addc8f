"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../../auth/authed";
import { updateLead } from "./mutations";

/*
 * The lead page's edit door. Thin: updateLead decides who may change what; this only finds the
 * database and viewer and refreshes the pages that show the lead.
 */

function refresh(leadId: string) {
  revalidatePath(`/crm/leads/${leadId}`);
  revalidatePath("/crm/leads");
}

export async function updateLeadAction(input: { leadId: string } & Record<string, unknown>) {
  const result = await asViewer((viewer, db) => updateLead(db, viewer, input));
  if (result.ok) refresh(String(input.leadId));
  return result;
}
