import "server-only";
import { Prisma } from "../../db/generated/client";
import { recordActivity } from "../activity";
import { FILLED_WHEN_EMPTY } from "../merge/plan";
import { rescoreLead } from "../score/score";
import { leadSearchTokens } from "../search-tokens";
import type { ImportedLead } from "./types";

/*
 * A join: a row fills the fields its lead has empty and never overwrites one. What it filled is
 * kept on the row (ImportRow.before) so an undo can empty exactly those fields again, and only
 * where nobody has changed them since.
 */

/** What a merge fills where the lead's own is empty (lib/leads/merge), and the notes: a join adds the row's. */
const FILLED = [...FILLED_WHEN_EMPTY, "notes"] as const;
type Filled = (typeof FILLED)[number] | "needArea" | "needAreaUnit";
const SCORED = new Set<string>(["creditCode", "industry", "needKind", "needArea", "use", "expectedAnnualTax"]);
const SEARCHED = new Set<string>(["wechat", "email", "notes"]);

const SELECT = {
  id: true,
  company: true,
  contactName: true,
  phone: true,
  mergedIntoId: true,
  erasedAt: true,
  ...Object.fromEntries([...FILLED, "needArea", "needAreaUnit"].map((field) => [field, true])),
} as Prisma.LeadSelect;

type Value = string | number | null;
/** A stored value as the row keeps it: decimals as exact strings. */
export const plain = (value: unknown): Value =>
  value === null || value === undefined ? null : typeof value === "number" ? value : String(value);

/** What a join keeps for its undo: the fields it filled, with the value it wrote. */
export interface Joined {
  filled: Partial<Record<Filled, Value>>;
}

type LeadFields = Record<string, unknown> & { id: string; mergedIntoId: string | null; erasedAt: Date | null };

async function survivor(tx: Prisma.TransactionClient, leadId: string): Promise<LeadFields | null> {
  let id: string | null = leadId;
  // A merged-away lead's row joins the lead it was merged into (a chain of merges is followed).
  for (let hops = 0; id && hops < 10; hops++) {
    const lead = (await tx.lead.findUnique({ where: { id }, select: SELECT })) as LeadFields | null;
    if (!lead || lead.erasedAt) return null;
    if (!lead.mergedIntoId) return lead;
    id = lead.mergedIntoId;
  }
  return null;
}

export async function fillLead(
  tx: Prisma.TransactionClient,
  join: { leadId: string; values: ImportedLead; rowNumber: number; fileName: string; actorId: string | null },
): Promise<{ result: "MERGED" | "FAILED"; leadId: string | null; reason: string | null; before: Joined | null }> {
  const lead = await survivor(tx, join.leadId);
  if (!lead) return { result: "FAILED", leadId: null, reason: "leadGone", before: null };
  const values = join.values as unknown as Record<string, Value>;
  const incoming: Record<string, Value> = {
    ...values,
    notes:
      [join.values.notes, join.values.sourceNote && `来源：${join.values.sourceNote}`].filter(Boolean).join("\n") ||
      null,
  };
  const empty = (field: string) => lead[field] === null || lead[field] === "";
  const filled: Partial<Record<Filled, Value>> = {};
  for (const field of FILLED) if (empty(field) && incoming[field] !== null) filled[field] = incoming[field];
  if (empty("needArea") && empty("needAreaUnit") && incoming.needArea !== null && incoming.needAreaUnit !== null) {
    filled.needArea = incoming.needArea;
    filled.needAreaUnit = incoming.needAreaUnit;
  }
  const fields = Object.keys(filled) as Filled[];
  if (fields.length === 0) return { result: "MERGED", leadId: lead.id, reason: null, before: { filled } };
  const text = (field: "wechat" | "email" | "notes") => (filled[field] ?? lead[field] ?? null) as string | null;
  const saved = (await tx.lead.update({
    where: { id: lead.id },
    data: {
      ...(filled as Prisma.LeadUncheckedUpdateInput),
      ...(fields.some((field) => SEARCHED.has(field))
        ? {
            searchTokens: leadSearchTokens({
              company: lead.company as string,
              contactName: lead.contactName as string,
              phone: lead.phone as string,
              wechat: text("wechat"),
              email: text("email"),
              notes: text("notes"),
            }),
          }
        : {}),
      version: { increment: 1 },
    },
    select: SELECT,
  })) as Record<string, unknown>;
  // Kept as the database wrote them (a decimal's scale), so the undo compares like with like.
  const written = Object.fromEntries(fields.map((field) => [field, plain(saved[field])]));
  if (fields.some((field) => SCORED.has(field))) await rescoreLead(tx, lead.id);
  await recordActivity(tx, {
    leadId: lead.id,
    actorId: join.actorId,
    kind: "EDIT",
    body: `从导入「${join.fileName}」第 ${join.rowNumber} 行补充`,
    details: Object.fromEntries(fields.map((field) => [field, [null, written[field]]])),
  });
  return { result: "MERGED", leadId: lead.id, reason: null, before: { filled: written } };
}

/** Empties what a join filled, where the lead still holds what the join wrote; returns the fields emptied. */
export async function unfillLead(
  tx: Prisma.TransactionClient,
  undo: { leadId: string; joined: Joined; rowNumber: number; fileName: string; actorId: string },
): Promise<string[]> {
  const lead = (await tx.lead.findUnique({ where: { id: undo.leadId }, select: SELECT })) as LeadFields | null;
  if (!lead || lead.erasedAt) return [];
  const fields = (Object.keys(undo.joined.filled) as Filled[]).filter(
    (field) => plain(lead[field]) === undo.joined.filled[field],
  );
  if (fields.length === 0) return [];
  const text = (field: "wechat" | "email" | "notes") =>
    fields.includes(field) ? null : (lead[field] as string | null);
  await tx.lead.update({
    where: { id: lead.id },
    data: {
      ...Object.fromEntries(fields.map((field) => [field, null])),
      searchTokens: leadSearchTokens({
        company: lead.company as string,
        contactName: lead.contactName as string,
        phone: lead.phone as string,
        wechat: text("wechat"),
        email: text("email"),
        notes: text("notes"),
      }),
      version: { increment: 1 },
    },
  });
  if (fields.some((field) => SCORED.has(field))) await rescoreLead(tx, lead.id);
  await recordActivity(tx, {
    leadId: lead.id,
    actorId: undo.actorId,
    kind: "EDIT",
    body: `撤销导入「${undo.fileName}」第 ${undo.rowNumber} 行的补充`,
    details: Object.fromEntries(fields.map((field) => [field, [undo.joined.filled[field] ?? null, null]])),
  });
  return fields;
}
