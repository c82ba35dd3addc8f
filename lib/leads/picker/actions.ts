"use server";
import { defineAction } from "../../actions/define-action";
import { pickLeads } from "./queries";

/** The 租控表's lead picker asks as the viewer types; a read, so nothing is refreshed. */
export const pickLeadsAction = defineAction({
  run: (input: unknown, { db, viewer }) => pickLeads(db, viewer, input),
});
