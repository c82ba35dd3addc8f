import { z } from "zod";

const leadId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, "invalid");

/** Reassigning one or many leads (the lead page's owner picker and the inbox's bulk assign). */
export const assignLeadsSchema = z.strictObject({
  leadIds: z.array(leadId).min(1, "required").max(500, "tooMany:500"),
  /** null returns the leads to the unassigned pool */
  ownerId: leadId.nullable(),
});
export type AssignLeads = z.infer<typeof assignLeadsSchema>;

export const claimLeadSchema = z.strictObject({ leadId });
