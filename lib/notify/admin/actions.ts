"use server";
import { defineAction } from "../../actions/define-action";
import { deleteChannel, saveChannel, saveMailServer, saveNotifyRules, setChannelActive } from "./mutations";
import { sendChannelTest, sendTestMail } from "./test-messages";

const PAGE = ["/crm/settings/notifications"];

export const saveChannelAction = defineAction({
  run: (input: unknown, { db, viewer }) => saveChannel(db, viewer, input),
  revalidate: PAGE,
});

export const setChannelActiveAction = defineAction({
  run: (input: unknown, { db, viewer }) => setChannelActive(db, viewer, input),
  revalidate: PAGE,
});

export const deleteChannelAction = defineAction({
  run: (input: unknown, { db, viewer }) => deleteChannel(db, viewer, input),
  revalidate: PAGE,
});

export const saveMailServerAction = defineAction({
  run: (input: unknown, { db, viewer }) => saveMailServer(db, viewer, input),
  revalidate: PAGE,
});

export const saveNotifyRulesAction = defineAction({
  run: (input: unknown, { db, viewer }) => saveNotifyRules(db, viewer, input),
  revalidate: PAGE,
});

export const sendChannelTestAction = defineAction({
  run: (input: unknown, { db, viewer }) => sendChannelTest(db, viewer, input),
  revalidate: PAGE,
});

export const sendTestMailAction = defineAction({
  run: (_input: unknown, { db, viewer }) => sendTestMail(db, viewer),
  revalidate: PAGE,
});
