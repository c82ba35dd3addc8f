"use server";
import { asViewer } from "../../auth/authed";
import { getStorage } from "../../storage";
import { createListing, setListingPublished, setListingStatus, updateListing } from "./mutations";
import { removeListingPhoto, reorderListingPhotos, updateListingPhotoAlt } from "../photos/mutations";
import { refreshListingPages } from "./refresh";

export async function createListingAction(input: unknown) {
  const result = await asViewer((viewer, db) => createListing(db, viewer, input));
  if (result.ok) refreshListingPages();
  return result;
}

export async function updateListingAction(input: unknown) {
  const result = await asViewer((viewer, db) => updateListing(db, viewer, input));
  if (result.ok) refreshListingPages();
  return result;
}

export async function setListingPublishedAction(input: unknown) {
  const result = await asViewer((viewer, db) => setListingPublished(db, viewer, input));
  if (result.ok) refreshListingPages();
  return result;
}

export async function setListingStatusAction(input: unknown) {
  const result = await asViewer((viewer, db) => setListingStatus(db, viewer, input));
  if (result.ok) refreshListingPages();
  return result;
}

export async function removeListingPhotoAction(input: unknown) {
  const result = await asViewer((viewer, db) => removeListingPhoto(db, viewer, input, getStorage()));
  if (result.ok) refreshListingPages();
  return result;
}

export async function reorderListingPhotosAction(input: unknown) {
  const result = await asViewer((viewer, db) => reorderListingPhotos(db, viewer, input));
  if (result.ok) refreshListingPages();
  return result;
}

export async function updateListingPhotoAltAction(input: unknown) {
  const result = await asViewer((viewer, db) => updateListingPhotoAlt(db, viewer, input));
  if (result.ok) refreshListingPages();
  return result;
}
