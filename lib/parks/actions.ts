"use server";
import { asViewer } from "../auth/authed";
import { getDb } from "../db/client";
import { refreshListingPages } from "../listings/admin-refresh";
import { createPark, updatePark, type ParkResult } from "./mutations";

/** Parks show on the public home page, in the catalogue's filter and on each listing, so those refresh too. */
function refresh(result: ParkResult | { ok: false }) {
  if (result.ok) refreshListingPages();
}

export async function createParkAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => createPark(db, viewer, input));
  refresh(result);
  return result;
}

export async function updateParkAction(input: unknown) {
  const db = await getDb();
  const result = await asViewer((viewer) => updatePark(db, viewer, input));
  refresh(result);
  return result;
}
