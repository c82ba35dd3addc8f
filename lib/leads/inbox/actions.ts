"use server";
import { z } from "zod";
import { defineAction } from "../../actions/define-action";
import type { FieldErrors } from "../../forms/field-errors";
import { assignLeads, claimLead } from "../assign/mutations";
import { moveLeadsStage } from "../stage/mutations";

/*
 * The inbox's form actions. They work as plain form posts (no JavaScript needed) through
 * useActionState; who may do what is decided in lib/leads/assign/ and lib/leads/stage/.
 */

export type InboxActionState =
  | { ok: true; intent: "assign" | "stage" | "claim"; changed: number }
  | { ok: false; error: "forbidden" | "unavailable" }
  | { ok: false; fieldErrors: FieldErrors }
  | null;

/** A posted field as text; a file or a missing field is simply not given. */
const formText = z.preprocess((value) => (typeof value === "string" ? value : undefined), z.string().optional());

/*
 * Only which of the two the form asked for, and the owner the assign needs, are this form's own:
 * the lead ids and the stage move's fields are checked by the lib/ calls, with their schemas.
 */
const bulkForm = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("assign"),
      leadIds: z.array(z.string()),
      ownerId: formText.transform((value) => value?.trim() ?? "").pipe(z.string().min(1, "choice")),
    }),
    z.object({
      intent: z.literal("stage"),
      leadIds: z.array(z.string()),
      toStageKey: formText,
      lostReasonKey: formText,
      lostToPark: formText,
      signedArea: formText,
      signedAreaUnit: formText,
      signedAnnualTax: formText,
    }),
  ],
  { error: "choice" },
);

const bulk = defineAction({
  schema: bulkForm,
  run: async (input, { db, viewer }): Promise<InboxActionState & { ok: boolean }> => {
    if (input.intent === "assign") {
      const { leadIds, ownerId } = input;
      const result = await assignLeads(db, viewer, { leadIds, ownerId: ownerId === "pool" ? null : ownerId });
      return result.ok ? { ok: true, intent: "assign", changed: result.changed } : result;
    }
    const { intent: _intent, toStageKey, ...details } = input;
    const result = await moveLeadsStage(db, viewer, { ...details, toStageKey: toStageKey ?? "" });
    return result.ok ? { ok: true, intent: "stage", changed: result.moved } : result;
  },
  revalidate: ["/crm/leads"],
});

const claim = defineAction({
  run: async (input: { leadId: string }, { db, viewer }): Promise<InboxActionState & { ok: boolean }> => {
    const result = await claimLead(db, viewer, input);
    return result.ok ? { ok: true, intent: "claim", changed: result.changed } : result;
  },
  // The dashboard lists the pool too.
  revalidate: ["/crm/leads", "/crm"],
});

/** Bulk assign (intent "assign", ownerId a user id or "pool") or bulk stage change (intent "stage"). */
export async function bulkLeadsAction(_previous: InboxActionState, form: FormData): Promise<InboxActionState> {
  const fields = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string"));
  return bulk({
    ...fields,
    leadIds: form.getAll("leadIds").filter((value): value is string => typeof value === "string"),
  });
}

/** A staff member takes one lead from the unassigned pool. */
export async function claimFromInboxAction(_previous: InboxActionState, form: FormData): Promise<InboxActionState> {
  const leadId = form.get("leadId");
  return claim({ leadId: typeof leadId === "string" ? leadId : "" });
}
