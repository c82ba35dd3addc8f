import { z } from "zod";
import { optional, workPhone } from "../../forms/fields";
import { STAFF_EMAIL_TOPICS } from "../../notify/topics";

/*
 * A user's own settings: the number investors are told to expect a call from, and which
 * notifications they receive by email. Error messages are i18n keys ("validation.<key>").
 */

/** Topics only managers and admins are offered: the daily digest. */
export const MANAGER_TOPICS: readonly string[] = ["digest"];

export const preferencesSchema = z.strictObject({
  /** blank: none */
  workPhone: optional(workPhone()),
  /** the topics the user wants by email; every other one is stored as muted */
  emailTopics: z.array(z.enum(STAFF_EMAIL_TOPICS, "choice"), "invalid").max(STAFF_EMAIL_TOPICS.length, "invalid"),
});
export type PreferencesInput = z.input<typeof preferencesSchema>;
