"use server";
import { defineAction } from "../../actions/define-action";
import { saveOwnPreferences } from "./mutations";

export const saveOwnPreferencesAction = defineAction({
  run: (input: unknown, { db, viewer }) => saveOwnPreferences(db, viewer, input),
  revalidate: ["/crm/account"],
});
