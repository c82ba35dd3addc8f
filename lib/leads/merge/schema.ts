import { z } from "zod";
import { recordId, rowVersion } from "../../forms/fields";

const leadId = recordId;
/** The lead's version as the person saw it; a form posts it as text, a client as a number. */
const version = rowVersion;

/**
 * Merging one lead (`mergedId`) into another (`survivorId`), each with the version the manager
 * saw, so a lead changed since the confirmation was shown is refused as stale, never merged blind.
 */
export const mergeLeadsSchema = z
  .strictObject({ survivorId: leadId, mergedId: leadId, survivorVersion: version, mergedVersion: version })
  .refine((input) => input.survivorId !== input.mergedId, { path: ["mergedId"], message: "sameLead" });
export type MergeLeads = z.infer<typeof mergeLeadsSchema>;
