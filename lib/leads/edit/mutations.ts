import "server-only";
import { Decimal } from "decimal.js";
import type { Database } from "../../db/client";
import type { Lead, Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { leadsVisibleTo, maskedContact, maySeePhone, WORKSPACE_ROLES } from "../access";
import { recordActivity } from "../activity";
import { companyKey } from "../company-key";
import { EDITABLE_FIELDS, leadEditSchema, type EditableField, type LeadEdit } from "./schema";
import { rescoreLead } from "../score/score";
import { leadSearchTokens } from "../search-tokens";

export type LeadEditResult =
  { ok: true; version: number; changed: EditableField[] } | { ok: false; fieldErrors: FieldErrors };

type Value = string | number | null;
const DECIMAL_FIELDS = new Set<EditableField>(["needArea", "expectedAnnualTax", "investment", "annualOutput"]);

/** A stored value as the timeline and audit show it: decimals as exact strings. */
function plain(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number") return value;
  return String(value);
}

function same(field: EditableField, before: Value, after: Value): boolean {
  if (before === null || after === null) return before === after;
  if (DECIMAL_FIELDS.has(field)) return new Decimal(before).eq(after);
  return before === after;
}

/** Fields contactFor may show masked: the ones an officer cannot change on a lead until it is theirs. */
export const MASKABLE_FIELDS = ["wechat", "email", "notes", "use"] as const satisfies readonly EditableField[];
const ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * The edit with masked values made safe. A value equal to its masked rendering was never typed: it
 * is the mask the form was loaded with, so it is left out whoever sends it (also an officer who
 * claimed the lead after loading the page), and a mask is never written over the real value. Any
 * other value for a field the viewer sees masked is refused ("claimFirst"): changing or clearing a
 * WeChat ID, email or notes one cannot read would be blind, and they are the pool lead's owner's.
 */
function unmasked(
  viewer: Viewer,
  lead: Lead,
  input: Record<string, unknown>,
): { input: Record<string, unknown>; refused: FieldErrors } {
  const shown = maskedContact(lead);
  const kept = { ...input };
  const refused: FieldErrors = {};
  for (const field of MASKABLE_FIELDS) {
    if (shown[field] === lead[field] || kept[field] === undefined) continue;
    if (typeof kept[field] === "string" && kept[field].trim() === shown[field]) delete kept[field];
    else if (!maySeePhone(viewer, lead)) refused[field] = "claimFirst";
  }
  return { input: kept, refused };
}

/**
 * Saves the fields staff changed on the lead page, only if nobody changed the lead since the form
 * was loaded (its version): otherwise nothing is saved and the answer is "stale", so neither of
 * two concurrent edits is lost without its author knowing. A change bumps the version, refreshes
 * the duplicate key, search tokens and admission score, and is written to the timeline and the audit log.
 * On a pool lead, staff may change everything but what they see masked (see `unmasked`).
 */
export async function updateLead(db: Database, viewer: Viewer | null, input: unknown): Promise<LeadEditResult> {
  assertRole(viewer, WORKSPACE_ROLES, "edit leads");
  const raw =
    typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : null;
  return db.$transaction(async (tx): Promise<LeadEditResult> => {
    // The lead is read before parsing: a masked WeChat ID (wx****78) is no valid WeChat ID, and
    // only the lead tells whether a value is its mask.
    const lead =
      raw && typeof raw.leadId === "string" && ID.test(raw.leadId)
        ? await tx.lead.findFirst({
            where: { id: raw.leadId, ...leadsVisibleTo(viewer), mergedIntoId: null, erasedAt: null },
          })
        : null;
    const safe = lead && raw ? unmasked(viewer, lead, raw) : { input, refused: {} };
    const parsed = leadEditSchema.safeParse(safe.input);
    if (!parsed.success) return { ok: false, fieldErrors: { ...fieldErrorsOf(parsed.error), ...safe.refused } };
    const edit: LeadEdit = parsed.data;
    if (!lead) return { ok: false, fieldErrors: { leadId: "notFound" } };
    if (lead.version !== edit.version) return { ok: false, fieldErrors: { version: "stale" } };
    if (Object.keys(safe.refused).length) return { ok: false, fieldErrors: safe.refused };

    const changes: Partial<Record<EditableField, [Value, Value]>> = {};
    for (const field of EDITABLE_FIELDS) {
      const after = edit[field];
      if (after === undefined) continue;
      const before = plain(lead[field]);
      if (!same(field, before, after)) changes[field] = [before, after];
    }
    const changed = Object.keys(changes) as EditableField[];
    if (changed.length === 0) return { ok: true, version: lead.version, changed };

    const text = (field: "company" | "contactName" | "wechat" | "email" | "notes") =>
      (changes[field] ? changes[field][1] : lead[field]) as string | null;
    const data: Prisma.LeadUncheckedUpdateManyInput = {
      ...Object.fromEntries(changed.map((field) => [field, changes[field]![1]])),
      companyKey: companyKey(text("company")!),
      searchTokens: leadSearchTokens({
        company: text("company")!,
        contactName: text("contactName")!,
        phone: lead.phone,
        wechat: text("wechat"),
        email: text("email"),
        notes: text("notes"),
      }),
      version: { increment: 1 },
    };
    // The version in the WHERE settles a race with an edit committed since the read above.
    const saved = await tx.lead.updateMany({ where: { id: lead.id, version: edit.version }, data });
    if (saved.count === 0) return { ok: false, fieldErrors: { version: "stale" } };

    await rescoreLead(tx, lead.id);
    await recordActivity(tx, { leadId: lead.id, actorId: viewer.id, kind: "EDIT", details: changes });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "lead.update",
      entityType: "Lead",
      entityId: lead.id,
      details: changes,
    });
    return { ok: true, version: edit.version + 1, changed };
  });
}
