"use server";
import { defineAction } from "../../actions/define-action";
import { clearActual, recordActual, setPlan } from "./mutations";

/** A milestone shows on its project's page, the project list's warnings and the dashboard's. */
const MILESTONE_PAGES = [{ layout: "/crm/projects" }, "/crm"];

export const setPlanAction = defineAction({
  run: (input: unknown, { db, viewer }) => setPlan(db, viewer, input),
  revalidate: MILESTONE_PAGES,
});

export const recordActualAction = defineAction({
  run: (input: unknown, { db, viewer }) => recordActual(db, viewer, input),
  revalidate: MILESTONE_PAGES,
});

export const clearActualAction = defineAction({
  run: (input: unknown, { db, viewer }) => clearActual(db, viewer, input),
  revalidate: MILESTONE_PAGES,
});
