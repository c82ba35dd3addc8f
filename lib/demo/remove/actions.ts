"use server";
import { defineAction } from "../../actions/define-action";
import { getStorage } from "../../storage";
import { removeDemoData } from "./mutations";

export const removeDemoDataAction = defineAction({
  run: (input: unknown, { db, viewer }) => removeDemoData(db, viewer, input, getStorage()),
  revalidate: [{ layout: "/crm" }],
});
