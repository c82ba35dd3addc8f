"use server";
import { defineAction } from "../../actions/define-action";
import { getStorage } from "../../storage";
import { setListingPublished } from "./mutations";
import { removeListingPhoto, reorderListingPhotos, updateListingPhotoAlt } from "../photos/mutations";
import { LISTING_PAGES } from "../refresh";

/* Creating and editing a listing set the units it offers: lib/inventory/offers. */

export const setListingPublishedAction = defineAction({
  run: (input: unknown, { db, viewer }) => setListingPublished(db, viewer, input),
  revalidate: LISTING_PAGES,
});

export const removeListingPhotoAction = defineAction({
  run: (input: unknown, { db, viewer }) => removeListingPhoto(db, viewer, input, getStorage()),
  revalidate: LISTING_PAGES,
});

export const reorderListingPhotosAction = defineAction({
  run: (input: unknown, { db, viewer }) => reorderListingPhotos(db, viewer, input),
  revalidate: LISTING_PAGES,
});

export const updateListingPhotoAltAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateListingPhotoAlt(db, viewer, input),
  revalidate: LISTING_PAGES,
});
