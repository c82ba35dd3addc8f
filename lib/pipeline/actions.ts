"use server";
import { defineAction } from "../actions/define-action";
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

const LEAD_PAGES = ["/crm/pipeline", "/crm/leads", "/crm"];
const CONFIG_PAGES = ["/crm/settings/pipeline", "/crm/pipeline", "/crm/leads", "/crm"];

export const moveLeadStageAction = defineAction({
  run: (input: unknown, { db, viewer }) => moveLeadStage(db, viewer, input),
  revalidate: (result) => [...LEAD_PAGES, `/crm/leads/${result.lead.id}`],
});

export const moveLeadsStageAction = defineAction({
  run: (input: unknown, { db, viewer }) => moveLeadsStage(db, viewer, input),
  revalidate: LEAD_PAGES,
});

export const createStageAction = defineAction({
  run: (input: unknown, { db, viewer }) => createStage(db, viewer, input),
  revalidate: CONFIG_PAGES,
});

export const renameStageAction = defineAction({
  run: (input: unknown, { db, viewer }) => renameStage(db, viewer, input),
  revalidate: CONFIG_PAGES,
});

export const reorderStagesAction = defineAction({
  run: (input: unknown, { db, viewer }) => reorderStages(db, viewer, input),
  revalidate: CONFIG_PAGES,
});

export const deleteStageAction = defineAction({
  run: (input: unknown, { db, viewer }) => deleteStage(db, viewer, input),
  revalidate: CONFIG_PAGES,
});

export const createLostReasonAction = defineAction({
  run: (input: unknown, { db, viewer }) => createLostReason(db, viewer, input),
  revalidate: CONFIG_PAGES,
});

export const updateLostReasonAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateLostReason(db, viewer, input),
  revalidate: CONFIG_PAGES,
});

export const reorderLostReasonsAction = defineAction({
  run: (input: unknown, { db, viewer }) => reorderLostReasons(db, viewer, input),
  revalidate: CONFIG_PAGES,
});
