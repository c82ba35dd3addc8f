import { z } from "zod";
import { recordId, text } from "../../forms/fields";

const leadId = recordId;

/**
 * An admin erasing a person's data on a PIPL request: they type the lead's company name to show
 * they mean this lead, and say why (the request's date and channel), which the audit log keeps.
 */
export const eraseLeadSchema = z.strictObject({
  leadId,
  confirm: text({ max: 200 }),
  reason: text({ min: 4, max: 500, multiline: true }),
});
export type EraseLead = z.infer<typeof eraseLeadSchema>;

/**
 * The typed company name matches when it is the same text, whatever the width of its characters or surrounding spaces.
 */
export function confirmsCompany(typed: string, company: string): boolean {
  return typed.normalize("NFKC").trim() === company.normalize("NFKC").trim();
}
