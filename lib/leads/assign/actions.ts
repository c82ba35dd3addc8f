"use server";
import { defineAction } from "../../actions/define-action";
import { assignLeads, claimLead } from "./mutations";

/*
 * The lead page's owner doors (claim, reassign). Thin: the lib/ functions decide who may do
 * what; the wrapper finds the database and viewer and refreshes the pages that show the lead.
 */

const leadPages = (_result: unknown, input: { leadId: string }) => [`/crm/leads/${input.leadId}`, "/crm/leads"];

const claim = defineAction({
  run: (input: { leadId: string }, { db, viewer }) => claimLead(db, viewer, input),
  revalidate: leadPages,
});

const assign = defineAction({
  run: ({ leadId, ownerId }: { leadId: string; ownerId: string | null }, { db, viewer }) =>
    assignLeads(db, viewer, { leadIds: [leadId], ownerId }),
  revalidate: leadPages,
});

export async function claimLeadAction(leadId: string) {
  return claim({ leadId });
}

export async function assignLeadAction(leadId: string, ownerId: string | null) {
  return assign({ leadId, ownerId });
}
