"use server";
import { defineAction } from "../../actions/define-action";
import { removeDemoData } from "./mutations";

export const removeDemoDataAction = defineAction({
  run: (input: unknown, { db, viewer }) => removeDemoData(db, viewer, input),
  revalidate: [{ layout: "/crm" }],
});
