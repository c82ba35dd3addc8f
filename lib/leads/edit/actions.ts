"use server";
import { defineAction } from "../../actions/define-action";
import { updateLead } from "./mutations";

/*
 * The lead page's edit door. Thin: updateLead decides who may change what; the wrapper finds the
 * database and viewer and refreshes the pages that show the lead.
 */

export const updateLeadAction = defineAction({
  run: (input: { leadId: string } & Record<string, unknown>, { db, viewer }) => updateLead(db, viewer, input),
  revalidate: (_result, input) => [`/crm/leads/${String(input.leadId)}`, "/crm/leads"],
});
