"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import type { Viewer } from "../auth/session";
import type { Database } from "../db/client";
import { archiveLead, restoreLead } from "./care";
import { eraseLeadPersonalData } from "./erase";
import { mergeLeads } from "./merge";

/** The ids an input names, for revalidating those leads' pages once the change is in. */
function leadIdsOf(input: unknown, keys: string[]): string[] {
  if (!input || typeof input !== "object") return [];
  const fields = input as Record<string, unknown>;
  return keys.map((key) => fields[key]).filter((id): id is string => typeof id === "string");
}

async function run<T extends { ok: boolean }>(work: (db: Database, viewer: Viewer | null) => Promise<T>, leadIds: string[]) {
  const result = await asViewer((viewer, db) => work(db, viewer));
  if (result.ok) {
    for (const path of ["/crm", "/crm/leads", "/crm/leads/duplicates", "/crm/pipeline"]) revalidatePath(path);
    for (const id of leadIds) revalidatePath(`/crm/leads/${id}`);
  }
  return result;
}

export async function mergeLeadsAction(input: unknown) {
  return run((db, viewer) => mergeLeads(db, viewer, input), leadIdsOf(input, ["survivorId", "mergedId"]));
}

export async function archiveLeadAction(input: unknown) {
  return run((db, viewer) => archiveLead(db, viewer, input), leadIdsOf(input, ["leadId"]));
}

export async function restoreLeadAction(input: unknown) {
  return run((db, viewer) => restoreLead(db, viewer, input), leadIdsOf(input, ["leadId"]));
}

export async function eraseLeadPersonalDataAction(input: unknown) {
  return run((db, viewer) => eraseLeadPersonalData(db, viewer, input), leadIdsOf(input, ["leadId"]));
}
