"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import { getDb } from "../db/client";
import { getStorage } from "../storage";
import { createListing, setListingPublished, setListingStatus, updateListing } from "./admin-mutations";
import { removeListingPhoto, reorderListingPhotos, updateListingPhotoAlt } from "./photo-mutations";
import { refreshListingPages } from "./admin-refresh";

export async function createListingAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => createListing(db, viewer, input));
  if (result.ok) refreshListingPages();
  return result;
}

export async function updateListingAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => updateListing(db, viewer, input));
  if (result.ok) refreshListingPages();
  return result;
}

export async function setListingPublishedAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => setListingPublished(db, viewer, input));
  if (result.ok) refreshListingPages();
  return result;
}

export async function setListingStatusAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => setListingStatus(db, viewer, input));
  if (result.ok) refreshListingPages();
  return result;
}

export async function removeListingPhotoAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => removeListingPhoto(db, viewer, input, getStorage()));
  if (result.ok) refreshListingPages();
  return result;
}

export async function reorderListingPhotosAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => reorderListingPhotos(db, viewer, input));
  if (result.ok) refreshListingPages();
  return result;
}

export async function updateListingPhotoAltAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => updateListingPhotoAlt(db, viewer, input));
  if (result.ok) refreshListingPages();
  return result;
}
