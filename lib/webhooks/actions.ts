"use server";
import { defineAction } from "../actions/define-action";
import { rollSubscriptionSecret, saveSubscription, sendSubscriptionPing, setSubscriptionActive } from "./mutations";

const PAGE = ["/crm/settings/webhooks"];

export const saveSubscriptionAction = defineAction({
  run: (input: unknown, { db, viewer }) => saveSubscription(db, viewer, input),
  revalidate: PAGE,
});

export const rollSubscriptionSecretAction = defineAction({
  run: (input: unknown, { db, viewer }) => rollSubscriptionSecret(db, viewer, input),
  revalidate: PAGE,
});

export const setSubscriptionActiveAction = defineAction({
  run: (input: unknown, { db, viewer }) => setSubscriptionActive(db, viewer, input),
  revalidate: PAGE,
});

export const sendSubscriptionPingAction = defineAction({
  run: (input: unknown, { db, viewer }) => sendSubscriptionPing(db, viewer, input),
  revalidate: PAGE,
});
