"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../../auth/authed";
import { updateScoreSettings } from "./mutations";

/** The score section of the admin's rules page: saving it re-scores every lead (see updateScoreSettings). */
export async function updateScoreSettingsAction(input: unknown) {
  const result = await asViewer((viewer, db) => updateScoreSettings(db, viewer, input));
  if (result.ok) revalidatePath("/crm/settings/rules");
  return result;
}
