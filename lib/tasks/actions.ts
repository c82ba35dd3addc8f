"use server";
import { defineAction } from "../actions/define-action";
import { createTask, setTaskDone } from "./mutations";

/** A task shows on its lead's page (and sets the lead's next follow-up there). */
const leadPageOf = (result: { leadId: string }) => [`/crm/leads/${result.leadId}`];

export const createTaskAction = defineAction({
  run: (input: unknown, { db, viewer }) => createTask(db, viewer, input),
  revalidate: leadPageOf,
});

export const setTaskDoneAction = defineAction({
  run: (input: unknown, { db, viewer }) => setTaskDone(db, viewer, input),
  revalidate: leadPageOf,
});
