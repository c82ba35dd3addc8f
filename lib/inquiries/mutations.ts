import "server-only";
import { createHash } from "node:crypto";
import { createId } from "@paralleldrive/cuid2";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Locale } from "../i18n/messages";
import { logEvent } from "../log";
import { PRIVACY_NOTICE_VERSION } from "../privacy/notice";
import { newInquiryReference } from "./reference";
import { hitRateLimits, pruneRateLimitCounters } from "./rate-limit";
import { fieldErrorsOf, inquirySchema, type FieldErrors, type Inquiry } from "./schema";
import type { InquirySource } from "./source";

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

const needDeal = { buy: "BUY", rent: "RENT" } as const;
const needKind = { factory: "FACTORY", office: "OFFICE", land: "LAND" } as const;
const areaUnit = { sqm: "SQM", mu: "MU" } as const;
const timeline = { now: "NOW", "3m": "WITHIN_3_MONTHS", "6m": "WITHIN_6_MONTHS", "12m": "WITHIN_12_MONTHS", later: "LATER" } as const;

/**
 * The one path every inquiry takes, from the public form and from POST /api/inquiries: validate,
 * replay a retried submission, apply the rate limits, then store the inquiry and join it to the
 * lead of the same phone (or start a lead in stage "new") in a single statement.
 */
export async function submitInquiry(db: Database, input: unknown, context: SubmissionContext): Promise<SubmitResult> {
  const parsed = inquirySchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const inquiry = parsed.data;
  const requestHash = hashOf(inquiry);
  const now = context.now ?? new Date();

  if (context.idempotencyKey) {
    const earlier = await replay(db, context.idempotencyKey, requestHash);
    if (earlier) return earlier;
  }

  const verdict = await hitRateLimits(db, { ip: context.clientIp, phone: inquiry.phone }, now);
  if (!verdict.allowed) {
    logEvent("inquiry.rate_limited", { scope: verdict.scope, channel: context.channel });
    return { ok: false, reason: "rateLimited", retryAfterSeconds: verdict.retryAfterSeconds };
  }

  let listing: { id: string; price: Prisma.Decimal; priceUnit: string; area: Prisma.Decimal; areaUnit: string } | null = null;
  if (inquiry.listingId) {
    listing = await db.listing.findFirst({
      where: { id: inquiry.listingId, published: true },
      select: { id: true, price: true, priceUnit: true, area: true, areaUnit: true },
    });
    if (!listing) return { ok: false, reason: "invalid", fieldErrors: { listingId: "listingGone" } };
  }

  for (let attempt = 0; ; attempt++) {
    try {
      const stored = await insertInquiry(db, inquiry, context, requestHash, listing, now);
      logEvent("inquiry.created", { id: stored.id, channel: context.channel, listing: Boolean(listing) });
      if (Math.random() < 0.01) void pruneRateLimitCounters(db, now).catch(() => {});
      return { ok: true, ...stored, replayed: false };
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

/** A stable digest of the validated inquiry: same content, same hash, whatever the key order. */
function hashOf(inquiry: Inquiry): string {
  const canonical = JSON.stringify(inquiry, (_key, value) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  return createHash("sha256").update(canonical).digest("hex");
}

function uniqueViolationTarget(error: unknown): string | null {
  const text = error instanceof Error ? error.message : String(error);
  if (!/unique|duplicate key|P2002|23505/i.test(text)) return null;
  if (/idempotencyKey/.test(text)) return "idempotencyKey";
  if (/reference/.test(text)) return "reference";
  return "other";
}

async function insertInquiry(
  db: Database,
  inquiry: Inquiry,
  context: SubmissionContext,
  requestHash: string,
  listing: { id: string; price: Prisma.Decimal; priceUnit: string; area: Prisma.Decimal; areaUnit: string } | null,
  now: Date,
): Promise<{ id: string; reference: string }> {
  const { source } = context;
  const id = createId();
  const reference = newInquiryReference(now);
  // One statement, so the lead and its inquiry are stored together or not at all, and concurrent
  // inquiries from one phone meet in ON CONFLICT instead of creating two leads.
  const rows = await db.$queryRaw<{ id: string; reference: string }[]>`
    WITH lead AS (
      INSERT INTO "Lead" ("id", "phone", "company", "contactName", "wechat", "email", "creditCode",
                          "lastInquiryAt", "createdAt", "updatedAt")
      VALUES (${createId()}, ${inquiry.phone}, ${inquiry.company}, ${inquiry.contactName}, ${inquiry.wechat ?? null},
              ${inquiry.email ?? null}, ${inquiry.creditCode ?? null}, ${now}, ${now}, ${now})
      ON CONFLICT ("phone") DO UPDATE SET
        "lastInquiryAt" = EXCLUDED."lastInquiryAt",
        "updatedAt" = EXCLUDED."updatedAt",
        "wechat" = COALESCE("Lead"."wechat", EXCLUDED."wechat"),
        "email" = COALESCE("Lead"."email", EXCLUDED."email"),
        "creditCode" = COALESCE("Lead"."creditCode", EXCLUDED."creditCode")
      RETURNING "id"
    )
    INSERT INTO "Inquiry" ("id", "reference", "idempotencyKey", "requestHash", "leadId", "listingId",
      "listingPrice", "listingPriceUnit", "listingArea", "listingAreaUnit",
      "needDeal", "needKind", "needArea", "needAreaUnit", "timeline", "use", "expectedAnnualTax",
      "company", "contactName", "phone", "wechat", "email", "investment", "annualOutput", "employees",
      "powerKva", "creditCode", "message", "consentNoticeVersion", "consentedAt", "channel", "locale",
      "sourcePage", "referrer", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "createdAt")
    SELECT ${id}, ${reference}, ${context.idempotencyKey ?? null}, ${requestHash}, lead."id", ${listing?.id ?? null},
      ${listing?.price.toString() ?? null}::numeric, ${listing?.priceUnit ?? null}::"PriceUnit",
      ${listing?.area.toString() ?? null}::numeric, ${listing?.areaUnit ?? null}::"AreaUnit",
      ${needDeal[inquiry.need.deal]}::"NeedDeal", ${needKind[inquiry.need.kind]}::"ListingKind",
      ${inquiry.need.area}::numeric, ${areaUnit[inquiry.need.areaUnit]}::"AreaUnit",
      ${inquiry.need.timeline ? timeline[inquiry.need.timeline] : null}::"MoveInTimeline",
      ${inquiry.use}, ${inquiry.expectedAnnualTax}::numeric,
      ${inquiry.company}, ${inquiry.contactName}, ${inquiry.phone}, ${inquiry.wechat ?? null}, ${inquiry.email ?? null},
      ${inquiry.investment ?? null}::numeric, ${inquiry.annualOutput ?? null}::numeric,
      ${inquiry.employees ?? null}::int, ${inquiry.powerKva ?? null}::int, ${inquiry.creditCode ?? null},
      ${inquiry.message ?? null}, ${PRIVACY_NOTICE_VERSION}, ${now}, ${context.channel}::"InquiryChannel",
      ${context.locale}, ${source.page ?? null}, ${source.referrer ?? null}, ${source.utmSource ?? null},
      ${source.utmMedium ?? null}, ${source.utmCampaign ?? null}, ${source.utmTerm ?? null},
      ${source.utmContent ?? null}, ${now}
    FROM lead
    RETURNING "id", "reference"`;
  return rows[0];
}
