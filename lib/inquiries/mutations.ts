import "server-only";
import { keyedDigest } from "../auth/secret";
import type { Database } from "../db/client";
import type { Locale } from "../i18n/messages";
import { readIntakeTarget } from "../leads/intake/intake";
import { logEvent } from "../log";
import { wakeWorker } from "../outbox/wake";
import { readSettings } from "../settings/queries";
import { newInquiryReference } from "./reference";
import { pruneRateLimitCounters, rateLimitCounters, verdictOf } from "../limits/rate-limit";
import { fieldErrorsOf, type FieldErrors } from "../forms/field-errors";
import { inquirySchema, type Inquiry } from "./schema";
import type { InquirySource } from "./source";
import { storeInquiry } from "./store-inquiry";

export interface SubmissionContext {
  channel: "FORM" | "API";
  locale: Locale;
  /** The Idempotency-Key header, or the key the form was rendered with. */
  idempotencyKey?: string;
  clientIp?: string;
  source: InquirySource;
  now?: Date;
}

export type SubmitResult =
  | { ok: true; id: string; reference: string; replayed: boolean }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; reason: "rateLimited"; retryAfterSeconds: number }
  | { ok: false; reason: "keyReused" };

/** Each lost race means another inquiry or edit of the same lead committed; this many in a row is not a race. */
const MAX_ATTEMPTS = 12;

/**
 * The one path every inquiry takes, from the public form and from POST /api/inquiries: validate,
 * replay a retried submission, apply the rate limits, then store the inquiry and join it to the
 * lead of the same phone, or start a lead in stage "new" (owner by the assignment rule,
 * first-response deadline in working hours, admission score), in a single statement.
 */
export async function submitInquiry(db: Database, input: unknown, context: SubmissionContext): Promise<SubmitResult> {
  const parsed = inquirySchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const inquiry = parsed.data;
  const requestHash = requestHashOf(inquiry);
  const now = context.now ?? new Date();

  if (context.idempotencyKey) {
    const earlier = await replay(db, context.idempotencyKey, requestHash);
    if (earlier) return earlier;
  }

  // Independent reads, side by side: one round trip's wait on PostgreSQL.
  const [listing, settings, firstTarget] = await Promise.all([
    inquiry.listingId
      ? db.listing.findFirst({
          where: { id: inquiry.listingId, published: true },
          select: { id: true, parkId: true, price: true, priceUnit: true, area: true, areaUnit: true },
        })
      : null,
    readSettings(db),
    readIntakeTarget(db, inquiry.phone),
  ]);
  if (inquiry.listingId && !listing) return { ok: false, reason: "invalid", fieldErrors: { listingId: "listingGone" } };

  const counters = rateLimitCounters({ ip: context.clientIp, phone: inquiry.phone }, now);
  // Once an attempt has counted against the limits and passed, a retry after a lost race must not count again.
  let counted = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      const target = attempt === 0 ? firstTarget : await readIntakeTarget(db, inquiry.phone);
      const stored = await storeInquiry(
        db,
        inquiry,
        { ...context, requestHash, reference: newInquiryReference(now) },
        { channel: context.channel, source: context.source, listing, settings, now, target },
        counted ? null : counters,
      );
      if (!stored.allowed) {
        const verdict = verdictOf(counters, stored.counts, now);
        logEvent("inquiry.rate_limited", {
          scope: verdict.allowed ? "unknown" : verdict.scope,
          channel: context.channel,
        });
        return {
          ok: false,
          reason: "rateLimited",
          retryAfterSeconds: verdict.allowed ? 60 : verdict.retryAfterSeconds,
        };
      }
      if (!stored.inquiry) {
        counted = true;
        continue;
      }
      logEvent("inquiry.created", {
        id: stored.inquiry.id,
        lead: stored.inquiry.leadId,
        channel: context.channel,
        listing: Boolean(listing),
      });
      // The statement recorded its outbox event: this instance's worker may deliver it now instead of at its next poll.
      wakeWorker();
      if (Math.random() < 0.01) void pruneRateLimitCounters(db, now).catch(() => {});
      return { ok: true, id: stored.inquiry.id, reference: stored.inquiry.reference, replayed: false };
    } catch (error) {
      const target = uniqueViolationTarget(error);
      if (target === "idempotencyKey" && context.idempotencyKey) {
        // A concurrent retry with the same key won the race: answer as it did.
        const earlier = await replay(db, context.idempotencyKey, requestHash);
        if (earlier) return earlier;
      }
      if (target === "reference" && attempt < 3) continue;
      throw error;
    }
  }
  throw new Error(`An inquiry lost ${MAX_ATTEMPTS} races in a row to join its lead`);
}

async function replay(db: Database, idempotencyKey: string, requestHash: string): Promise<SubmitResult | null> {
  const earlier = await db.inquiry.findUnique({
    where: { idempotencyKey },
    select: { id: true, reference: true, requestHash: true },
  });
  if (!earlier) return null;
  if (earlier.requestHash !== requestHash) return { ok: false, reason: "keyReused" };
  return { ok: true, id: earlier.id, reference: earlier.reference, replayed: true };
}

/**
 * A stable digest of the validated inquiry: same content, same hash, whatever the key order. Keyed
 * with the server secret, since the body is the person's data: a plain hash would let anyone who
 * guesses a phone and a few fields confirm the guess. (A retry of a submission stored before the
 * hash was keyed answers "key reused" instead of replaying: keys are for retries within minutes.)
 * Erasing the person replaces it (lib/leads/erase/mutations.ts).
 */
export function requestHashOf(inquiry: Inquiry): string {
  const canonical = JSON.stringify(inquiry, (_key, value) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  return keyedDigest("inquiry-request", canonical, 43);
}

function uniqueViolationTarget(error: unknown): string | null {
  const text = error instanceof Error ? error.message : String(error);
  if (!/unique|duplicate key|P2002|23505/i.test(text)) return null;
  if (/idempotencyKey/.test(text)) return "idempotencyKey";
  if (/reference/.test(text)) return "reference";
  return "other";
}
