"use server";
import { defineAction } from "../../actions/define-action";
import { leadPagesOf } from "../refresh";
import { mergeLeads } from "./mutations";

export const mergeLeadsAction = defineAction({
  run: (input: unknown, { db, viewer }) => mergeLeads(db, viewer, input),
  revalidate: leadPagesOf(["survivorId", "mergedId"]),
});
