"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import type { Viewer } from "../auth/session";
import type { Database } from "../db/client";
import { moveLeadsStage, moveLeadStage } from "../leads/stage/mutations";
import {
  createLostReason,
  createStage,
  deleteStage,
  renameStage,
  reorderLostReasons,
  reorderStages,
  updateLostReason,
} from "./config-mutations";

type Call<T> = (db: Database, viewer: Viewer | null, input: unknown) => Promise<T>;

/** Runs a lib/ call as the signed-in viewer and, when it changed something, refreshes the pages that show it. */
async function run<T extends { ok: boolean }>(call: Call<T>, input: unknown, paths: string[]) {
  const result = await asViewer((viewer, db) => call(db, viewer, input));
  if (result.ok) for (const path of paths) revalidatePath(path);
  return result;
}

const LEAD_PAGES = ["/crm/pipeline", "/crm/leads", "/crm"];
const CONFIG_PAGES = ["/crm/settings/pipeline", "/crm/pipeline", "/crm/leads", "/crm"];

export async function moveLeadStageAction(input: unknown) {
  const result = await run(moveLeadStage, input, LEAD_PAGES);
  if (result.ok) revalidatePath(`/crm/leads/${result.lead.id}`);
  return result;
}

export async function moveLeadsStageAction(input: unknown) {
  return run(moveLeadsStage, input, LEAD_PAGES);
}

export async function createStageAction(input: unknown) {
  return run(createStage, input, CONFIG_PAGES);
}

export async function renameStageAction(input: unknown) {
  return run(renameStage, input, CONFIG_PAGES);
}

export async function reorderStagesAction(input: unknown) {
  return run(reorderStages, input, CONFIG_PAGES);
}

export async function deleteStageAction(input: unknown) {
  return run(deleteStage, input, CONFIG_PAGES);
}

export async function createLostReasonAction(input: unknown) {
  return run(createLostReason, input, CONFIG_PAGES);
}

export async function updateLostReasonAction(input: unknown) {
  return run(updateLostReason, input, CONFIG_PAGES);
}

export async function reorderLostReasonsAction(input: unknown) {
  return run(reorderLostReasons, input, CONFIG_PAGES);
}
