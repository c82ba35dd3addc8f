import { z } from "zod";
import { recordId, rowVersion } from "../../forms/fields";

const leadId = recordId;
const version = rowVersion;

/** Archiving or restoring a lead, with the version the person saw. */
export const leadArchiveSchema = z.strictObject({ leadId, version });
export type LeadArchive = z.infer<typeof leadArchiveSchema>;
