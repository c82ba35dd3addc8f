import { z } from "zod";

const leadId = z.string({ error: "required" }).trim().min(1, "required").max(40, "invalid").regex(/^[A-Za-z0-9_-]+$/, "invalid");
const version = z.coerce.number({ error: "integer" }).int("integer").min(1, "tooSmall:1");

/** Archiving or restoring a lead, with the version the person saw. */
export const leadArchiveSchema = z.strictObject({ leadId, version });
export type LeadArchive = z.infer<typeof leadArchiveSchema>;

/**
 * An admin erasing a person's data on a PIPL request: they type the lead's company name to show
 * they mean this lead, and say why (the request's date and channel), which the audit log keeps.
 */
export const eraseLeadSchema = z.strictObject({
  leadId,
  confirm: z.string({ error: "required" }).trim().min(1, "required").max(200, "tooLong:200"),
  reason: z.string({ error: "required" }).trim().min(1, "required").min(4, "tooShort:4").max(500, "tooLong:500"),
});
export type EraseLead = z.infer<typeof eraseLeadSchema>;

/** The typed company name matches when it is the same text, whatever the width of its characters or surrounding spaces. */
export function confirmsCompany(typed: string, company: string): boolean {
  return typed.normalize("NFKC").trim() === company.normalize("NFKC").trim();
}
