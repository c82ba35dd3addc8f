import { z } from "zod";
import { existingId, isMissing, optional, text } from "../../forms/fields";
import { TOPICS } from "../topics";
import { CHANNEL_KINDS, parseHttpUrl } from "./channel-url";

/*
 * The admin's notification forms, one schema each, shared by the browser's check and the server.
 * Credentials (a robot URL, a signing secret, an SMTP URL) are write-only: blank keeps the stored
 * one, so a form never has to be given them back. Error messages are i18n keys ("validation.<key>").
 */

const credential = (max: number, message: string) =>
  z
    .string({ error: (issue) => (isMissing(issue.input) ? "required" : message) })
    .trim()
    .max(max, `tooLong:${max}`)
    .refine((value) => !/[\s\u0000-\u001f]/.test(value), message);

const robotUrl = credential(1000, "channelUrl").refine((value) => parseHttpUrl(value) !== null, "channelUrl");

export const channelSchema = z
  .strictObject({
    /** absent: a new channel */
    channelId: optional(existingId),
    kind: z.enum(CHANNEL_KINDS, "choice"),
    name: text({ max: 60 }),
    /** absent or blank: the workspace default */
    parkId: optional(existingId),
    /** blank on an edit: keep the stored URL */
    url: optional(robotUrl),
    /** blank: keep the stored secret (none on a new channel) */
    secret: optional(credential(200, "invalid")),
    /** drop the stored secret (a robot that no longer signs) */
    clearSecret: z.boolean("invalid").default(false),
  })
  .superRefine((value, ctx) => {
    if (!value.channelId && !value.url) ctx.addIssue({ code: "custom", path: ["url"], message: "required" });
    if (value.clearSecret && value.secret) ctx.addIssue({ code: "custom", path: ["secret"], message: "secretBoth" });
  });
export type ChannelInput = z.input<typeof channelSchema>;

export const channelIdSchema = z.strictObject({ channelId: existingId });
export const channelActiveSchema = z.strictObject({ channelId: existingId, active: z.boolean("invalid") });

const SMTP_URL = /^smtps?:\/\/[^\s/]+/i;
const smtpUrl = credential(500, "smtpUrl").refine((value) => {
  if (!SMTP_URL.test(value)) return false;
  try {
    return new URL(value).hostname !== "";
  } catch {
    return false;
  }
}, "smtpUrl");

/** "园区招商 <zhaoshang@park.example>" or a bare address. */
const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const NAMED = /^([^<>"\r\n]{1,60}?)\s*<([^<>\s]+)>$/;
export const mailFrom = z
  .string({ error: (issue) => (isMissing(issue.input) ? "required" : "mailFrom") })
  .trim()
  .min(1, "required")
  .max(200, "tooLong:200")
  .refine((value) => ADDRESS.test(NAMED.exec(value)?.[2] ?? value), "mailFrom");

export const mailServerSchema = z.strictObject({
  /** blank: keep the stored URL (and its password) */
  url: optional(smtpUrl),
  from: mailFrom,
});
export type MailServerInput = z.input<typeof mailServerSchema>;

export const DELIVERY_FILTER_STATUSES = ["sent", "retrying", "dead", "pending", "skipped"] as const;
export type DeliveryFilterStatus = (typeof DELIVERY_FILTER_STATUSES)[number];

/** The delivery log's filters, from the page's URL; "email" is every mail, anything else a channel's id. */
export const deliveryFilterSchema = z.strictObject({
  status: optional(z.enum(DELIVERY_FILTER_STATUSES, "choice")),
  to: optional(z.union([z.literal("email"), existingId], "notFound")),
  topic: optional(z.enum(TOPICS, "choice")),
});
export type DeliveryFilter = z.infer<typeof deliveryFilterSchema>;
