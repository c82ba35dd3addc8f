import "server-only";
import { recordAudit } from "../../audit/record";
import { keyedDigest } from "../../auth/secret";
import { addWorkingDays } from "../../calendar/working-hours";
import type { Database } from "../../db/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { countAttempt } from "../../limits/attempts";
import { recordEvents } from "../../outbox/events";
import { wakeWorker } from "../../outbox/wake";
import { readSettings } from "../../settings/queries";
import { inquiryIdOf } from "../status-link";
import { privacyRequestSchema } from "./schema";

/** PIPL art. 50 lets the operator set a time; 15 working days is what the privacy notice promises. */
export const PRIVACY_REQUEST_WORKING_DAYS = 15;
/** Enough for a person finding their way around the page, few enough to keep a script from filling the admins' list. */
export const STATUS_PAGE_REQUEST_LIMIT = { limit: 10, windowSeconds: 3600 };

export type PrivacyRequestResult =
  | { ok: true; requestId: string; created: boolean }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; reason: "notFound" | "erased" }
  | { ok: false; reason: "rateLimited"; retryAfterSeconds: number };

/**
 * The investor withdraws consent or asks for erasure from their status page. One transaction: the
 * request (due in 15 working days), for a withdrawal the lead's consentWithdrawnAt (nothing more is
 * mailed to them from then on), the event that tells the admins, and the audit entry. A second request
 * of the same kind while one is open answers with the open one.
 */
export async function requestPrivacy(db: Database, input: unknown, now = new Date()): Promise<PrivacyRequestResult> {
  const parsed = privacyRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { key, kind } = parsed.data;
  const inquiryId = inquiryIdOf(key);
  if (!inquiryId) return { ok: false, reason: "notFound" };

  const attempt = await countAttempt(
    db,
    `status:${keyedDigest("rate-limit:status", inquiryId)}`,
    STATUS_PAGE_REQUEST_LIMIT,
    now,
  );
  if (!attempt.allowed) return { ok: false, reason: "rateLimited", retryAfterSeconds: attempt.retryAfterSeconds };
  const { workingHours } = await readSettings(db);

  const result = await db.$transaction(async (tx): Promise<PrivacyRequestResult> => {
    // The lead's row lock: two requests sent at once meet here, and the second finds the first.
    const [lead] = await tx.$queryRaw<{ id: string; erasedAt: Date | null; consentWithdrawnAt: Date | null }[]>`
      SELECT l."id", l."erasedAt", l."consentWithdrawnAt" FROM "Lead" l
        JOIN "Inquiry" i ON i."leadId" = l."id"
      WHERE i."id" = ${inquiryId}
      FOR UPDATE OF l`;
    if (!lead) return { ok: false, reason: "notFound" };
    if (lead.erasedAt) return { ok: false, reason: "erased" };
    const open = await tx.privacyRequest.findFirst({
      where: { leadId: lead.id, kind, status: "OPEN" },
      select: { id: true },
    });
    if (open) return { ok: true, requestId: open.id, created: false };

    const request = await tx.privacyRequest.create({
      data: {
        leadId: lead.id,
        inquiryId,
        kind,
        dueAt: addWorkingDays(now, PRIVACY_REQUEST_WORKING_DAYS, workingHours),
      },
      select: { id: true, dueAt: true },
    });
    if (kind === "WITHDRAW" && !lead.consentWithdrawnAt)
      await tx.lead.update({ where: { id: lead.id }, data: { consentWithdrawnAt: now } });
    await recordEvents(tx, [
      { kind: "privacy.requested", leadId: lead.id, inquiryId, data: { requestId: request.id } },
    ]);
    await recordAudit(tx, {
      actorId: null,
      action: "privacyRequest.open",
      entityType: "PrivacyRequest",
      entityId: request.id,
      details: { kind, leadId: lead.id, inquiryId, dueAt: request.dueAt.toISOString() },
    });
    return { ok: true, requestId: request.id, created: true };
  });
  if (result.ok && result.created) wakeWorker();
  return result;
}
