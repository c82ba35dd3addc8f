"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import { getDb } from "../db/client";
import { updateReserveThreshold } from "./settings";

export async function updateReserveThresholdAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => updateReserveThreshold(db, viewer, input));
  if (result.ok) {
    revalidatePath("/crm/settings/rules");
    revalidatePath("/crm/reports");
  }
  return result;
}
