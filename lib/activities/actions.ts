"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import { logActivity } from "./mutations";

export async function logActivityAction(input: unknown) {
  const result = await asViewer((viewer, db) => logActivity(db, viewer, input));
  if (result.ok) revalidatePath(`/crm/leads/${result.leadId}`);
  return result;
}
