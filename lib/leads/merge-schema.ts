import { z } from "zod";

const leadId = z.string({ error: "required" }).trim().min(1, "required").max(40, "invalid").regex(/^[A-Za-z0-9_-]+$/, "invalid");
/** The lead's version as the person saw it; a form posts it as text, a client as a number. */
const version = z.coerce.number({ error: "integer" }).int("integer").min(1, "tooSmall:1");

/**
 * Merging one lead (`mergedId`) into another (`survivorId`), each with the version the manager
 * saw, so a lead changed since the confirmation was shown is refused as stale, never merged blind.
 */
export const mergeLeadsSchema = z
  .strictObject({ survivorId: leadId, mergedId: leadId, survivorVersion: version, mergedVersion: version })
  .refine((input) => input.survivorId !== input.mergedId, { path: ["mergedId"], message: "sameLead" });
export type MergeLeads = z.infer<typeof mergeLeadsSchema>;
