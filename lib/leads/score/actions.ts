"use server";
import { defineAction } from "../../actions/define-action";
import { updateScoreSettings } from "./mutations";

/** The score section of the admin's rules page: saving it re-scores every lead (see updateScoreSettings). */
export const updateScoreSettingsAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateScoreSettings(db, viewer, input),
  revalidate: ["/crm/settings/rules"],
});
