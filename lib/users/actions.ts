"use server";
import { defineAction } from "../actions/define-action";
import { changeUserRole, createUser, resetUserPassword, setUserActive, setUserAway } from "./mutations";

const USERS_PAGE = ["/crm/settings"];

export const createUserAction = defineAction({
  run: (input: unknown, { db, viewer }) => createUser(db, viewer, input),
  revalidate: USERS_PAGE,
});

export const changeUserRoleAction = defineAction({
  run: (input: unknown, { db, viewer }) => changeUserRole(db, viewer, input),
  revalidate: USERS_PAGE,
});

export const setUserActiveAction = defineAction({
  run: (input: unknown, { db, viewer }) => setUserActive(db, viewer, input),
  revalidate: USERS_PAGE,
});

export const resetUserPasswordAction = defineAction({
  run: (input: unknown, { db, viewer }) => resetUserPassword(db, viewer, input),
  revalidate: USERS_PAGE,
});

export const setUserAwayAction = defineAction({
  run: (input: unknown, { db, viewer }) => setUserAway(db, viewer, input),
  // Users switch themselves away on the dashboard too.
  revalidate: [...USERS_PAGE, "/crm"],
});
