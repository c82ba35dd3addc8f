"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../../auth/authed";
import { updateReserveThreshold } from "./threshold";

export async function updateReserveThresholdAction(input: unknown) {
  const result = await asViewer((viewer, db) => updateReserveThreshold(db, viewer, input));
  if (result.ok) {
    revalidatePath("/crm/settings/rules");
    revalidatePath("/crm/reports");
  }
  return result;
}
