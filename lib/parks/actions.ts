"use server";
import { defineAction } from "../actions/define-action";
import { LISTING_PAGES } from "../listings/refresh";
import { createPark, updatePark } from "./mutations";

// Parks show on the public home page, in the catalogue's filter and on each listing, so those refresh.

export const createParkAction = defineAction({
  run: (input: unknown, { db, viewer }) => createPark(db, viewer, input),
  revalidate: LISTING_PAGES,
});

export const updateParkAction = defineAction({
  run: (input: unknown, { db, viewer }) => updatePark(db, viewer, input),
  revalidate: LISTING_PAGES,
});
