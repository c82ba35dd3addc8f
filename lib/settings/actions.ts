"use server";
import { defineAction } from "../actions/define-action";
import { updateAssignmentSettings, updateWorkingHoursSettings } from "./mutations";

const RULES_PAGE = ["/crm/settings/rules"];

export const updateAssignmentSettingsAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateAssignmentSettings(db, viewer, input),
  revalidate: RULES_PAGE,
});

export const updateWorkingHoursSettingsAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateWorkingHoursSettings(db, viewer, input),
  revalidate: RULES_PAGE,
});
