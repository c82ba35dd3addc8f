import "server-only";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import type { Viewer } from "../auth/session";
import type { Database } from "../db/client";

/*
 * The doors that change which leads exist or show (merge, archive, restore, erase) refresh the same
 * pages: every list a lead can appear in, and the page of each lead the input names.
 */

/** The ids an input names, for revalidating those leads' pages once the change is in. */
export function leadIdsOf(input: unknown, keys: string[]): string[] {
  if (!input || typeof input !== "object") return [];
  const fields = input as Record<string, unknown>;
  return keys.map((key) => fields[key]).filter((id): id is string => typeof id === "string");
}

export async function runAndRefresh<T extends { ok: boolean }>(work: (db: Database, viewer: Viewer | null) => Promise<T>, leadIds: string[]) {
  const result = await asViewer((viewer, db) => work(db, viewer));
  if (result.ok) {
    for (const path of ["/crm", "/crm/leads", "/crm/leads/duplicates", "/crm/pipeline"]) revalidatePath(path);
    for (const id of leadIds) revalidatePath(`/crm/leads/${id}`);
  }
  return result;
}
