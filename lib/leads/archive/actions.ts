"use server";
import { defineAction } from "../../actions/define-action";
import { leadPagesOf } from "../refresh";
import { archiveLead, restoreLead } from "./mutations";

export const archiveLeadAction = defineAction({
  run: (input: unknown, { db, viewer }) => archiveLead(db, viewer, input),
  revalidate: leadPagesOf(["leadId"]),
});

export const restoreLeadAction = defineAction({
  run: (input: unknown, { db, viewer }) => restoreLead(db, viewer, input),
  revalidate: leadPagesOf(["leadId"]),
});
