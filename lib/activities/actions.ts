"use server";
import { defineAction } from "../actions/define-action";
import { logActivity } from "./mutations";

export const logActivityAction = defineAction({
  run: (input: unknown, { db, viewer }) => logActivity(db, viewer, input),
  revalidate: (result) => [`/crm/leads/${result.leadId}`],
});
