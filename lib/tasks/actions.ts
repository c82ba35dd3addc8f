"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import { createTask, setTaskDone } from "./mutations";

export async function createTaskAction(input: unknown) {
  const result = await asViewer((viewer, db) => createTask(db, viewer, input));
  if (result.ok) revalidatePath(`/crm/leads/${result.leadId}`);
  return result;
}

export async function setTaskDoneAction(input: unknown) {
  const result = await asViewer((viewer, db) => setTaskDone(db, viewer, input));
  if (result.ok) revalidatePath(`/crm/leads/${result.leadId}`);
  return result;
}
