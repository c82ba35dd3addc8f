"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import { getDb } from "../db/client";
import { changeUserRole, createUser, resetUserPassword, setUserActive, setUserAway } from "./mutations";

async function run<T extends { ok: boolean }>(work: Parameters<typeof asViewer<T>>[0]) {
  const result = await asViewer(work);
  if (result.ok) revalidatePath("/crm/settings");
  return result;
}

export async function createUserAction(input: unknown) {
  const db = await getDb();
  return run((viewer) => createUser(db, viewer, input));
}

export async function changeUserRoleAction(input: unknown) {
  const db = await getDb();
  return run((viewer) => changeUserRole(db, viewer, input));
}

export async function setUserActiveAction(input: unknown) {
  const db = await getDb();
  return run((viewer) => setUserActive(db, viewer, input));
}

export async function resetUserPasswordAction(input: unknown) {
  const db = await getDb();
  return run((viewer) => resetUserPassword(db, viewer, input));
}

export async function setUserAwayAction(input: unknown) {
  const db = await getDb();
  const result = await run((viewer) => setUserAway(db, viewer, input));
  // Users switch themselves on the dashboard.
  if (result.ok) revalidatePath("/crm");
  return result;
}
