"use server";
import { defineAction } from "../actions/define-action";
import {
  updateAssignmentSettings,
  updateDeliverySettings,
  updateInventorySettings,
  updateWorkingHoursSettings,
} from "./mutations";

const RULES_PAGE = ["/crm/settings/rules"];

export const updateAssignmentSettingsAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateAssignmentSettings(db, viewer, input),
  revalidate: RULES_PAGE,
});

export const updateWorkingHoursSettingsAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateWorkingHoursSettings(db, viewer, input),
  revalidate: RULES_PAGE,
});

/** The hold rules (租控) live on the settings page itself. */
export const updateInventorySettingsAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateInventorySettings(db, viewer, input),
  revalidate: ["/crm/settings"],
});

/** The delivery rules (履约: warnings and 亩均 classes) live on the settings page and class every project's years. */
export const updateDeliverySettingsAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateDeliverySettings(db, viewer, input),
  revalidate: ["/crm/settings", { layout: "/crm/projects" }, "/crm/reports", "/crm"],
});
