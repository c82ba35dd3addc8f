"use server";
import { defineAction } from "../../actions/define-action";
import { LISTING_PAGES } from "../../listings/refresh";
import { createListing, updateListing } from "./mutations";
import { unitChoices } from "./queries";

/** A listing's units show on the 租控表 and the building pages too. */
const PAGES = [...LISTING_PAGES, "/crm/inventory", { layout: "/crm/inventory/buildings" }];

export const createListingAction = defineAction({
  run: (input: unknown, { db, viewer }) => createListing(db, viewer, input),
  revalidate: PAGES,
});

export const updateListingAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateListing(db, viewer, input),
  revalidate: PAGES,
});

/** The listing form asks for a park's units when the park is chosen: a read, so nothing to refresh. */
export const unitChoicesAction = defineAction({
  run: (input: unknown, { db, viewer }) => unitChoices(db, viewer, input),
});
