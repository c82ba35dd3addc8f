"use server";
import { defineAction } from "../../actions/define-action";
import { closePrivacyRequest } from "./mutations";

export const closePrivacyRequestAction = defineAction({
  run: (input: unknown, { db, viewer }) => closePrivacyRequest(db, viewer, input),
  revalidate: ["/crm/privacy", "/crm"],
});
