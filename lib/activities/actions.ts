"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import { getDb } from "../db/client";
import { logActivity } from "./mutations";

export async function logActivityAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => logActivity(db, viewer, input));
  if (result.ok) revalidatePath(`/crm/leads/${result.leadId}`);
  return result;
}
