import "server-only";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { dropPhoneCounters } from "../../limits/rate-limit";
import { ERASED_DELIVERY_ANSWER, recordEvents } from "../../outbox/events";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { recordActivity } from "../activity";
import { releaseHoldsOfLeads } from "../../inventory/lead-units";
import { forgetImportedPerson } from "../import/mutations";
import { forgetPersonInProjects } from "../../projects/erase";
import { confirmsCompany, eraseLeadSchema } from "./schema";
import { leadSearchTokens } from "../search-tokens";

type Tx = Prisma.TransactionClient;
type Json = Prisma.JsonValue;

/** What an erased person's name reads as everywhere it was shown. */
export const ERASED_NAME = "已删除";
/** Lead.phone is unique, so each erased lead gets its own placeholder, which is not a phone. */
export const erasedPhone = (leadId: string) => `erased:${leadId}`;
/** An erased inquiry's request hash: a digest of the body is still the person's data, keyed or not. */
export const ERASED_REQUEST_HASH = "erased";
/** What stands in the erasure's reason where the admin typed one of the person's values. */
const REDACTED = "[已删除]";

/** Keys under which timeline and audit details carry the person's data (field edits, merges). */
const PERSONAL_KEYS = new Set(["contactName", "phone", "wechat", "email", "creditCode", "notes", "message", "body"]);

/** The details with every personal key removed, at any depth; null when nothing had to go. */
function scrubbed(value: Json): Json | null {
  let changed = false;
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const kept: Record<string, Json> = {};
    for (const [key, child] of Object.entries(node)) {
      if (PERSONAL_KEYS.has(key)) changed = true;
      else kept[key] = walk(child ?? null);
    }
    return kept;
  };
  const result = walk(value);
  return changed ? result : null;
}

/** The lead and every tombstone merged into it (their inquiries now live on it), at any depth. */
async function leadWithTombstones(tx: Tx, leadId: string): Promise<string[]> {
  const ids = [leadId];
  let frontier = [leadId];
  while (frontier.length) {
    const next = await tx.lead.findMany({ where: { mergedIntoId: { in: frontier } }, select: { id: true } });
    frontier = next.map((lead) => lead.id).filter((id) => !ids.includes(id));
    ids.push(...frontier);
  }
  return ids;
}

/** The person's values as they were before the erasure, on the lead, its tombstones and their inquiries. */
async function personalValuesOf(tx: Tx, ids: string[]) {
  const [leads, inquiries] = await Promise.all([
    tx.lead.findMany({
      where: { id: { in: ids } },
      select: { phone: true, contactName: true, wechat: true, email: true, creditCode: true },
    }),
    tx.inquiry.findMany({
      where: { leadId: { in: ids } },
      select: { phone: true, contactName: true, wechat: true, email: true, creditCode: true },
    }),
  ]);
  const rows = [...leads, ...inquiries];
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => !!value))];
  return {
    phones: distinct(rows.map((row) => row.phone)),
    texts: distinct(rows.flatMap((row) => [row.contactName, row.wechat, row.email, row.creditCode])),
  };
}

/**
 * The admin's reason with the person's values blotted out: a reason such as "张三 13812345678 来电要求删除"
 * would otherwise keep in the timeline and the audit log exactly what was erased. A phone is matched
 * however it was spaced or dashed.
 */
export function redactReason(reason: string, values: { phones: string[]; texts: string[] }): string {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const patterns = [
    ...values.phones.map((phone) => Array.from(phone).map(escape).join("[\\s-]*")),
    ...values.texts.filter((text) => text.trim().length >= 2).map((text) => escape(text.trim())),
  ];
  if (!patterns.length) return reason;
  // Longest first, so a name inside a longer value (an email) does not leave the rest of it.
  patterns.sort((a, b) => b.length - a.length);
  return reason.replace(new RegExp(patterns.join("|"), "giu"), REDACTED);
}

/**
 * The person's open PIPL requests are answered by this erasure: each becomes done, by the admin who
 * erased, with its own audit entry, so the investor's request and its closing read as one story.
 */
async function closeRequestsByErasure(tx: Tx, ids: string[], actorId: string, now: Date): Promise<number> {
  const open = await tx.privacyRequest.findMany({
    where: { leadId: { in: ids }, status: "OPEN" },
    select: { id: true, kind: true, leadId: true },
  });
  if (!open.length) return 0;
  await tx.privacyRequest.updateMany({
    where: { id: { in: open.map((request) => request.id) } },
    data: { status: "DONE", closedAt: now, closedById: actorId },
  });
  for (const request of open)
    await recordAudit(tx, {
      actorId,
      action: "privacyRequest.close",
      entityType: "PrivacyRequest",
      entityId: request.id,
      details: { kind: request.kind, leadId: request.leadId, by: "erasure" },
    });
  return open.length;
}

/**
 * Nothing more goes out about the person: deliveries still waiting are skipped (a sending one is
 * already with the vendor), and every answer a vendor or mail server gave is redacted, since a mail
 * server's answer may repeat the address it was sent to.
 */
async function settleDeliveries(tx: Tx, ids: string[]): Promise<void> {
  const inquiryIds = (await tx.inquiry.findMany({ where: { leadId: { in: ids } }, select: { id: true } })).map(
    (inquiry) => inquiry.id,
  );
  const about = { OR: [{ leadId: { in: ids } }, { inquiryId: { in: inquiryIds } }] };
  await tx.delivery.updateMany({
    where: { ...about, status: { in: ["PENDING", "RETRYING"] } },
    data: { status: "SKIPPED", answer: ERASED_DELIVERY_ANSWER },
  });
  await tx.delivery.updateMany({
    where: { ...about, answer: { not: null }, NOT: { answer: ERASED_DELIVERY_ANSWER } },
    data: { answer: ERASED_DELIVERY_ANSWER },
  });
}

/**
 * A webhook receiver's refusal kept on its subscription (lib/webhooks) may quote the payload it was sent,
 * which held the person: their values are blotted out of it, as out of the erasure's reason.
 */
async function redactWebhookFailures(tx: Tx, values: { phones: string[]; texts: string[] }): Promise<void> {
  const failing = await tx.webhookSubscription.findMany({
    where: { failure: { not: null } },
    select: { id: true, failure: true },
  });
  for (const subscription of failing) {
    const failure = redactReason(subscription.failure!, values);
    if (failure !== subscription.failure)
      await tx.webhookSubscription.update({ where: { id: subscription.id }, data: { failure } });
  }
}

export type EraseResult =
  { ok: true; inquiries: number; activities: number; leads: number } | { ok: false; fieldErrors: FieldErrors };

/**
 * An admin's answer to a PIPL deletion request (art. 47): in one transaction, the person's name,
 * phone, WeChat, email, credit code, notes and messages go from the lead, its merged-away
 * tombstones, every inquiry, the timeline (bodies, and personal values in change details) and the
 * lead's audit details; task titles, which staff write freely, go too, and so does everything
 * derived from the person: search tokens, the inquiries' idempotency keys and request hashes, and
 * the rate-limit counters of their phones. Their projects' credit codes go, and their values are blotted out of
 * what staff wrote on those projects (lib/projects/erase.ts). The person's open PIPL requests are closed by it, and no
 * notification about them is sent afterwards (waiting deliveries skipped, answers redacted). The
 * company (a business, not a person), amounts, need, stage, owner, score and every date stay, so
 * the statistics still add up. The erasure itself is logged with its reason (the person's values
 * blotted out of it), never with what was erased.
 * tests/integration/erase-leaves-nothing.test.ts reads every text column of every table afterwards.
 */
export async function eraseLeadPersonalData(db: Database, viewer: Viewer | null, input: unknown): Promise<EraseResult> {
  assertRole(viewer, ["ADMIN"], "erase personal data");
  const parsed = eraseLeadSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { leadId, confirm, reason } = parsed.data;

  return db.$transaction(async (tx): Promise<EraseResult> => {
    await tx.$queryRaw`SELECT "id" FROM "Lead" WHERE "id" = ${leadId} FOR UPDATE`;
    const lead = await tx.lead.findUnique({
      where: { id: leadId },
      select: { id: true, company: true, erasedAt: true, mergedIntoId: true },
    });
    if (!lead) return { ok: false, fieldErrors: { leadId: "notFound" } };
    if (lead.erasedAt) return { ok: false, fieldErrors: { leadId: "erased" } };
    if (lead.mergedIntoId) return { ok: false, fieldErrors: { leadId: "merged" } };
    if (!confirmsCompany(confirm, lead.company)) return { ok: false, fieldErrors: { confirm: "confirmCompany" } };

    const now = new Date();
    const ids = await leadWithTombstones(tx, leadId);
    await releaseHoldsOfLeads(tx, ids, "LEAD_CLOSED", viewer.id, now);
    const values = await personalValuesOf(tx, ids);
    for (const id of ids) {
      const { company } = await tx.lead.findUniqueOrThrow({ where: { id }, select: { company: true } });
      await tx.lead.update({
        where: { id },
        data: {
          contactName: ERASED_NAME,
          phone: erasedPhone(id),
          wechat: null,
          email: null,
          creditCode: null,
          notes: null,
          searchTokens: leadSearchTokens({ company, contactName: "", phone: "" }),
          erasedAt: now,
          version: { increment: 1 },
        },
      });
    }
    const inquiries = await tx.inquiry.updateMany({
      where: { leadId: { in: ids } },
      // The idempotency key goes too: clients are free to build it from the phone (order-138…-1).
      data: {
        contactName: ERASED_NAME,
        phone: erasedPhone(leadId),
        wechat: null,
        email: null,
        message: null,
        creditCode: null,
        idempotencyKey: null,
        requestHash: ERASED_REQUEST_HASH,
      },
    });
    // Rate-limit counters are keyed digests of the phone: keyed or not, they are derived from it.
    await dropPhoneCounters(tx, values.phones);
    const activities = await tx.activity.updateMany({ where: { leadId: { in: ids } }, data: { body: null } });
    for (const activity of await tx.activity.findMany({
      where: { leadId: { in: ids } },
      select: { id: true, details: true },
    })) {
      const details = activity.details === null ? null : scrubbed(activity.details);
      if (details !== null)
        await tx.activity.update({ where: { id: activity.id }, data: { details: details as Prisma.InputJsonValue } });
    }
    await tx.task.updateMany({ where: { leadId: { in: ids } }, data: { title: ERASED_NAME } });
    const entries = await tx.auditEntry.findMany({
      where: { entityType: "Lead", entityId: { in: ids } },
      select: { id: true, details: true },
    });
    for (const entry of entries) {
      const details = entry.details === null ? null : scrubbed(entry.details);
      if (details !== null)
        await tx.auditEntry.update({ where: { id: entry.id }, data: { details: details as Prisma.InputJsonValue } });
    }

    const requests = await closeRequestsByErasure(tx, ids, viewer.id, now);
    await settleDeliveries(tx, ids);
    await redactWebhookFailures(tx, values);
    await forgetImportedPerson(tx, ids, values.phones);
    await forgetPersonInProjects(tx, ids, (text) => redactReason(text, values));
    // Outbound webhooks announce the erasure (lead.erased), carrying the lead's id and nothing of the person.
    await recordEvents(tx, [{ kind: "lead.erased", leadId, actorId: viewer.id }]);

    const counts = { inquiries: inquiries.count, activities: activities.count, leads: ids.length };
    const kept = { reason: redactReason(reason, values), ...counts, requestsClosed: requests };
    await recordActivity(tx, { leadId, actorId: viewer.id, kind: "ERASE", details: kept, occurredAt: now });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "lead.erase",
      entityType: "Lead",
      entityId: leadId,
      details: kept,
    });
    return { ok: true, ...counts };
  });
}
