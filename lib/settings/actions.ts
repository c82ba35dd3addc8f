"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import { getDb } from "../db/client";
import { updateAssignmentSettings, updateScoreSettings, updateWorkingHoursSettings, type SettingsResult } from "./mutations";

async function run(work: Parameters<typeof asViewer<SettingsResult>>[0]) {
  const result = await asViewer(work);
  if (result.ok) revalidatePath("/crm/settings/rules");
  return result;
}

export async function updateAssignmentSettingsAction(input: unknown) {
  const db = await getDb();
  return run((viewer) => updateAssignmentSettings(db, viewer, input));
}

export async function updateWorkingHoursSettingsAction(input: unknown) {
  const db = await getDb();
  return run((viewer) => updateWorkingHoursSettings(db, viewer, input));
}

export async function updateScoreSettingsAction(input: unknown) {
  const db = await getDb();
  return run((viewer) => updateScoreSettings(db, viewer, input));
}
