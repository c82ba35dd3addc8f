"use server";
import { leadIdsOf, runAndRefresh } from "../refresh";
import { mergeLeads } from "./mutations";

export async function mergeLeadsAction(input: unknown) {
  return runAndRefresh((db, viewer) => mergeLeads(db, viewer, input), leadIdsOf(input, ["survivorId", "mergedId"]));
}
