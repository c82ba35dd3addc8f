"use server";
import { asViewer } from "../auth/authed";
import { refreshListingPages } from "../listings/admin/refresh";
import { createPark, updatePark, type ParkResult } from "./mutations";

/** Parks show on the public home page, in the catalogue's filter and on each listing, so those refresh too. */
function refresh(result: ParkResult | { ok: false }) {
  if (result.ok) refreshListingPages();
}

export async function createParkAction(input: unknown) {
  const result = await asViewer((viewer, db) => createPark(db, viewer, input));
  refresh(result);
  return result;
}

export async function updateParkAction(input: unknown) {
  const result = await asViewer((viewer, db) => updatePark(db, viewer, input));
  refresh(result);
  return result;
}
