"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import { getDb } from "../db/client";
import { createTask, setTaskDone } from "./mutations";

export async function createTaskAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => createTask(db, viewer, input));
  if (result.ok) revalidatePath(`/crm/leads/${result.leadId}`);
  return result;
}

export async function setTaskDoneAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => setTaskDone(db, viewer, input));
  if (result.ok) revalidatePath(`/crm/leads/${result.leadId}`);
  return result;
}
