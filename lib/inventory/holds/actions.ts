"use server";
import { defineAction } from "../../actions/define-action";
import { holdUnits, moveIn, releaseHold, renewHold } from "./mutations";

/** A hold shows on the lead's page, the 租控 grid and the listings' availability. */
const HOLD_PAGES = [{ layout: "/crm/inventory" }, { layout: "/crm/leads" }, "/crm/listings"];

export const holdUnitsAction = defineAction({
  run: (input: unknown, { db, viewer }) => holdUnits(db, viewer, input),
  revalidate: HOLD_PAGES,
});

export const renewHoldAction = defineAction({
  run: (input: unknown, { db, viewer }) => renewHold(db, viewer, input),
  revalidate: HOLD_PAGES,
});

export const releaseHoldAction = defineAction({
  run: (input: unknown, { db, viewer }) => releaseHold(db, viewer, input),
  revalidate: HOLD_PAGES,
});

export const moveInAction = defineAction({
  run: (input: unknown, { db, viewer }) => moveIn(db, viewer, input),
  revalidate: HOLD_PAGES,
});
