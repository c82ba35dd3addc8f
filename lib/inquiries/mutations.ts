import "server-only";
import { createHash } from "node:crypto";
import { newId } from "../db/ids";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Locale } from "../i18n/messages";
import { logEvent } from "../log";
import { PRIVACY_NOTICE_VERSION } from "../privacy/notice";
import { newInquiryReference } from "./reference";
import { pruneRateLimitCounters, rateLimitCounters, verdictOf, type RateLimitCounters } from "./rate-limit";
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

  let listing: { id: string; price: Prisma.Decimal; priceUnit: string; area: Prisma.Decimal; areaUnit: string } | null = null;
  if (inquiry.listingId) {
    listing = await db.listing.findFirst({
      where: { id: inquiry.listingId, published: true },
      select: { id: true, price: true, priceUnit: true, area: true, areaUnit: true },
    });
    if (!listing) return { ok: false, reason: "invalid", fieldErrors: { listingId: "listingGone" } };
  }

  const counters = rateLimitCounters({ ip: context.clientIp, phone: inquiry.phone }, now);
  for (let attempt = 0; ; attempt++) {
    try {
      const stored = await storeInquiry(db, inquiry, context, requestHash, listing, counters, now);
      const verdict = verdictOf(counters, stored.counts, now);
      if (!verdict.allowed || !stored.inquiry) {
        logEvent("inquiry.rate_limited", { scope: verdict.allowed ? "unknown" : verdict.scope, channel: context.channel });
        return { ok: false, reason: "rateLimited", retryAfterSeconds: verdict.allowed ? 60 : verdict.retryAfterSeconds };
      }
      logEvent("inquiry.created", { id: stored.inquiry.id, channel: context.channel, listing: Boolean(listing) });
      if (Math.random() < 0.01) void pruneRateLimitCounters(db, now).catch(() => {});
      return { ok: true, ...stored.inquiry, replayed: false };
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

interface Stored {
  /** Each rate-limit counter's count after this attempt. */
  counts: Record<string, number>;
  /** Null when a limit was exceeded: nothing was stored. */
  inquiry: { id: string; reference: string } | null;
}

/**
 * One statement, one round trip: count the attempt against the rate limits and, only if every
 * limit still holds, store the lead and its inquiry. The lead and inquiry are stored together or
 * not at all, and concurrent inquiries from one phone meet in ON CONFLICT instead of making two leads.
 */
async function storeInquiry(
  db: Database,
  inquiry: Inquiry,
  context: SubmissionContext,
  requestHash: string,
  listing: { id: string; price: Prisma.Decimal; priceUnit: string; area: Prisma.Decimal; areaUnit: string } | null,
  counters: RateLimitCounters,
  now: Date,
): Promise<Stored> {
  const { source } = context;
  const id = newId();
  const reference = newInquiryReference(now);
  const rows = await db.$queryRaw<{ counts: Record<string, number> | null; id: string | null; reference: string | null }[]>`
    WITH hits AS (
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
      SELECT k, w, 1 FROM unnest(${counters.keys}::text[], ${counters.windowStarts}::timestamptz[]) AS t(k, w)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      RETURNING "key", "count"
    ), allowed AS (
      SELECT NOT EXISTS (
        SELECT 1 FROM hits JOIN unnest(${counters.keys}::text[], ${counters.limits}::int[]) AS l(k, lim) ON l.k = hits."key"
        WHERE hits."count" > l.lim
      ) AS ok
    ), lead AS (
      INSERT INTO "Lead" ("id", "phone", "company", "contactName", "wechat", "email", "creditCode",
                          "lastInquiryAt", "createdAt", "updatedAt")
      SELECT ${newId()}, ${inquiry.phone}, ${inquiry.company}, ${inquiry.contactName}, ${inquiry.wechat ?? null},
             ${inquiry.email ?? null}, ${inquiry.creditCode ?? null}, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM allowed WHERE allowed.ok
      ON CONFLICT ("phone") DO UPDATE SET
        "lastInquiryAt" = EXCLUDED."lastInquiryAt",
        "updatedAt" = EXCLUDED."updatedAt",
        "wechat" = COALESCE("Lead"."wechat", EXCLUDED."wechat"),
        "email" = COALESCE("Lead"."email", EXCLUDED."email"),
        "creditCode" = COALESCE("Lead"."creditCode", EXCLUDED."creditCode")
      RETURNING "id"
    ), stored AS (
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
    RETURNING "id", "reference"
    )
    SELECT (SELECT json_object_agg(hits."key", hits."count") FROM hits) AS counts, stored."id", stored."reference"
    FROM (SELECT 1) AS one LEFT JOIN stored ON true`;
  const [row] = rows;
  return { counts: row.counts ?? {}, inquiry: row.id && row.reference ? { id: row.id, reference: row.reference } : null };
}
