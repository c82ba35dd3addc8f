"use server";
import { defineAction } from "../../actions/define-action";
import { heldUnitsToSign, vacantUnitsForLead } from "./queries";

/** The lead page's picker asks for vacant units as its filter changes: a read, so nothing to refresh. */
export const vacantUnitsAction = defineAction({
  run: (input: unknown, { db, viewer }) => vacantUnitsForLead(db, viewer, input),
});

/** The sign dialog (board or lead page) asks for the lead's held units when a move into 签约 opens it. */
export const heldUnitsToSignAction = defineAction({
  run: (input: unknown, { db, viewer }) => heldUnitsToSign(db, viewer, input),
});
