"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import { updateAssignmentSettings, updateWorkingHoursSettings, type SettingsResult } from "./mutations";

async function run(work: Parameters<typeof asViewer<SettingsResult>>[0]) {
  const result = await asViewer(work);
  if (result.ok) revalidatePath("/crm/settings/rules");
  return result;
}

export async function updateAssignmentSettingsAction(input: unknown) {
  return run((viewer, db) => updateAssignmentSettings(db, viewer, input));
}

export async function updateWorkingHoursSettingsAction(input: unknown) {
  return run((viewer, db) => updateWorkingHoursSettings(db, viewer, input));
}
