"use server";
import { defineAction } from "../../actions/define-action";
import { leadPagesOf } from "../refresh";
import { eraseLeadPersonalData } from "./mutations";

export const eraseLeadPersonalDataAction = defineAction({
  run: (input: unknown, { db, viewer }) => eraseLeadPersonalData(db, viewer, input),
  revalidate: leadPagesOf(["leadId"]),
});
