import { z } from "zod";
import { existingId, isMissing, optional, text } from "../forms/fields";
import { WEBHOOK_EVENTS } from "./events";
import { webhookUrl } from "./url";

/*
 * The admin's webhook forms, one schema each, shared by the browser's check and the server. The URL is
 * write-only once saved (it may carry a token): blank on an edit keeps the stored one. The signing
 * secret is never typed: Parklead makes it. Error messages are i18n keys ("validation.<key>").
 */

const url = z
  .string({ error: (issue) => (isMissing(issue.input) ? "required" : "webhookUrl") })
  .trim()
  .max(1000, "tooLong:1000")
  .refine((value) => webhookUrl(value) !== null, "webhookUrl");

export const subscriptionSchema = z
  .strictObject({
    /** absent: a new subscription */
    subscriptionId: optional(existingId),
    name: text({ max: 60 }),
    /** blank on an edit: keep the stored URL */
    url: optional(url),
    events: z
      .array(z.enum(WEBHOOK_EVENTS, "choice"), "webhookEvents")
      .min(1, "webhookEvents")
      .transform((events) => WEBHOOK_EVENTS.filter((event) => events.includes(event))),
    /** absent or blank: every park */
    parkId: optional(existingId),
  })
  .superRefine((value, ctx) => {
    if (!value.subscriptionId && !value.url) ctx.addIssue({ code: "custom", path: ["url"], message: "required" });
  });
export type SubscriptionInput = z.input<typeof subscriptionSchema>;

export const subscriptionIdSchema = z.strictObject({ subscriptionId: existingId });
export const subscriptionActiveSchema = z.strictObject({ subscriptionId: existingId, active: z.boolean("invalid") });
