"use server";
import { defineAction } from "../../actions/define-action";
import { updateReserveThreshold } from "./threshold";

export const updateReserveThresholdAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateReserveThreshold(db, viewer, input),
  revalidate: ["/crm/settings/rules", "/crm/reports"],
});
