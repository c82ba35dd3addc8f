import "server-only";
import { channelTargets, mailSender, sendToChannel } from "../channels";
import { planEvents } from "../plan";
import { combineGroupMessages, renderDeliveries } from "../render";
import { scheduleDailyEvents } from "../schedule";
import type { WorkerDeps } from "./deps";

/** The app's own: the planner, renderer and schedule of lib/notify, and the real senders. */
export const defaultDeps: WorkerDeps = {
  planEvents,
  renderDeliveries,
  combineGroupMessages,
  scheduleDailyEvents,
  mailSender,
  channelTargets,
  sendToChannel,
};
