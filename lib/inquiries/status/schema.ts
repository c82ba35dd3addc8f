import { z } from "zod";

export const PRIVACY_REQUEST_KINDS = ["WITHDRAW", "ERASE"] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

/**
 * The investor's PIPL request from their status page: the page's key (inquiry id and token), what they
 * ask for, and the second step's confirmation, so a single stray click asks for nothing.
 */
export const privacyRequestSchema = z.strictObject({
  key: z.string({ error: "required" }).trim().min(1, "required").max(200, "invalid"),
  kind: z.enum(PRIVACY_REQUEST_KINDS, { error: "invalid" }),
  confirm: z.literal("yes", { error: "required" }),
});
export type PrivacyRequestInput = z.infer<typeof privacyRequestSchema>;
