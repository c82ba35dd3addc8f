"use server";
import { defineAction } from "../../actions/define-action";
import { saveProjectYear } from "./mutations";

/** A year's actuals show on the project's page and in the delivery report's 亩均 classes. */
export const saveProjectYearAction = defineAction({
  run: (input: unknown, { db, viewer }) => saveProjectYear(db, viewer, input),
  revalidate: [{ layout: "/crm/projects" }, "/crm/reports"],
});
