"use server";
import { defineAction } from "../../actions/define-action";
import { getStorage } from "../../storage";
import { createListing, setListingPublished, setListingStatus, updateListing } from "./mutations";
import { removeListingPhoto, reorderListingPhotos, updateListingPhotoAlt } from "../photos/mutations";
import { LISTING_PAGES } from "../refresh";

export const createListingAction = defineAction({
  run: (input: unknown, { db, viewer }) => createListing(db, viewer, input),
  revalidate: LISTING_PAGES,
});

export const updateListingAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateListing(db, viewer, input),
  revalidate: LISTING_PAGES,
});

export const setListingPublishedAction = defineAction({
  run: (input: unknown, { db, viewer }) => setListingPublished(db, viewer, input),
  revalidate: LISTING_PAGES,
});

export const setListingStatusAction = defineAction({
  run: (input: unknown, { db, viewer }) => setListingStatus(db, viewer, input),
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
