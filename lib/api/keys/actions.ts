"use server";
import { defineAction } from "../../actions/define-action";
import { createApiKey, revokeApiKey } from "./mutations";

/** The list and every key's log page. */
const PAGES = [{ layout: "/crm/settings/api-keys" }];

export const createApiKeyAction = defineAction({
  run: (input: unknown, { db, viewer }) => createApiKey(db, viewer, input),
  revalidate: PAGES,
});

export const revokeApiKeyAction = defineAction({
  run: (input: unknown, { db, viewer }) => revokeApiKey(db, viewer, input),
  revalidate: PAGES,
});
