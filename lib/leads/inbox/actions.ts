"use server";
import { revalidatePath } from "next/cache";
import { asViewer } from "../../auth/authed";
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

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Bulk assign (intent "assign", ownerId a user id or "pool") or bulk stage change (intent "stage"). */
export async function bulkLeadsAction(_previous: InboxActionState, form: FormData): Promise<InboxActionState> {
  const leadIds = form.getAll("leadIds").filter((value): value is string => typeof value === "string");
  const intent = text(form, "intent");
  let answer: InboxActionState;
  if (intent === "assign") {
    const owner = text(form, "ownerId")?.trim();
    if (!owner) return { ok: false, fieldErrors: { ownerId: "choice" } };
    const result = await asViewer((viewer, db) => assignLeads(db, viewer, { leadIds, ownerId: owner === "pool" ? null : owner }));
    answer = result.ok ? { ok: true, intent, changed: result.changed } : result;
  } else if (intent === "stage") {
    const result = await asViewer((viewer, db) =>
      moveLeadsStage(db, viewer, {
        leadIds,
        toStageKey: text(form, "toStageKey") ?? "",
        lostReasonKey: text(form, "lostReasonKey"),
        lostToPark: text(form, "lostToPark"),
        signedArea: text(form, "signedArea"),
        signedAreaUnit: text(form, "signedAreaUnit"),
        signedAnnualTax: text(form, "signedAnnualTax"),
      }),
    );
    answer = result.ok ? { ok: true, intent, changed: result.moved } : result;
  } else {
    return { ok: false, fieldErrors: { intent: "choice" } };
  }
  if (answer?.ok) revalidatePath("/crm/leads");
  return answer;
}

/** A staff member takes one lead from the unassigned pool. */
export async function claimFromInboxAction(_previous: InboxActionState, form: FormData): Promise<InboxActionState> {
  const result = await asViewer((viewer, db) => claimLead(db, viewer, { leadId: text(form, "leadId") ?? "" }));
  if (!result.ok) return result;
  revalidatePath("/crm/leads");
  return { ok: true, intent: "claim", changed: result.changed };
}
