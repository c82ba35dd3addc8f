"use server";
import { defineAction } from "../../actions/define-action";
import { addFunding, deleteFunding, saveFundingPlan } from "./mutations";

/** 到资 shows on the project's page and in the list's and the delivery report's figures. */
const PROJECT_PAGES = [{ layout: "/crm/projects" }, "/crm/reports"];

export const saveFundingPlanAction = defineAction({
  run: (input: unknown, { db, viewer }) => saveFundingPlan(db, viewer, input),
  revalidate: PROJECT_PAGES,
});

export const addFundingAction = defineAction({
  run: (input: unknown, { db, viewer }) => addFunding(db, viewer, input),
  revalidate: PROJECT_PAGES,
});

export const deleteFundingAction = defineAction({
  run: (input: unknown, { db, viewer }) => deleteFunding(db, viewer, input),
  revalidate: PROJECT_PAGES,
});
