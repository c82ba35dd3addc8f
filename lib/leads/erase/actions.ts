"use server";
import { leadIdsOf, runAndRefresh } from "../refresh";
import { eraseLeadPersonalData } from "./mutations";

export async function eraseLeadPersonalDataAction(input: unknown) {
  return runAndRefresh((db, viewer) => eraseLeadPersonalData(db, viewer, input), leadIdsOf(input, ["leadId"]));
}
