"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../auth/authed";
import { changeUserRole, createUser, resetUserPassword, setUserActive, setUserAway } from "./mutations";

async function run<T extends { ok: boolean }>(work: Parameters<typeof asViewer<T>>[0]) {
  const result = await asViewer(work);
  if (result.ok) revalidatePath("/crm/settings");
  return result;
}

export async function createUserAction(input: unknown) {
  return run((viewer, db) => createUser(db, viewer, input));
}

export async function changeUserRoleAction(input: unknown) {
  return run((viewer, db) => changeUserRole(db, viewer, input));
}

export async function setUserActiveAction(input: unknown) {
  return run((viewer, db) => setUserActive(db, viewer, input));
}

export async function resetUserPasswordAction(input: unknown) {
  return run((viewer, db) => resetUserPassword(db, viewer, input));
}

export async function setUserAwayAction(input: unknown) {
  const result = await run((viewer, db) => setUserAway(db, viewer, input));
  // Users switch themselves on the dashboard.
  if (result.ok) revalidatePath("/crm");
  return result;
}
