"use server";
import { leadIdsOf, runAndRefresh } from "../refresh";
import { archiveLead, restoreLead } from "./mutations";

export async function archiveLeadAction(input: unknown) {
  return runAndRefresh((db, viewer) => archiveLead(db, viewer, input), leadIdsOf(input, ["leadId"]));
}

export async function restoreLeadAction(input: unknown) {
  return runAndRefresh((db, viewer) => restoreLead(db, viewer, input), leadIdsOf(input, ["leadId"]));
}
