import "server-only";
import { newId } from "../db/ids";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import {
  fingerprintSql,
  leadUpdateValues,
  needOf,
  newLeadValues,
  ownerPickSql,
  ownerTurnTakenSql,
  type IntakeContext,
  type IntakeTarget,
} from "../leads/intake/intake";
import { PRIVACY_NOTICE_VERSION } from "../privacy/notice";
import type { RateLimitCounters } from "../limits/rate-limit";
import type { Inquiry } from "./schema";
import type { SubmissionContext } from "./mutations";

const timeline = {
  now: "NOW",
  "3m": "WITHIN_3_MONTHS",
  "6m": "WITHIN_6_MONTHS",
  "12m": "WITHIN_12_MONTHS",
  later: "LATER",
} as const;

export type InquiryListing = {
  id: string;
  parkId: string;
  price: Prisma.Decimal;
  priceUnit: string;
  area: Prisma.Decimal;
  areaUnit: string;
};

/** The lock class first inquiries from one phone queue on, for tests that hold it. */
export { NEW_PHONE_LOCK } from "../leads/intake/intake";

export interface Stored {
  /** Each rate-limit counter's count after this attempt ({} when the limits were counted by an earlier attempt). */
  counts: Record<string, number>;
  /** False when a limit was exceeded: nothing was stored. */
  allowed: boolean;
  /** Null when nothing was stored: a limit was exceeded, or the lead changed since it was read (read it again). */
  inquiry: { id: string; reference: string; leadId: string } | null;
}

/** Counts the attempt against the rate limits; `allowed` says whether every limit still holds. */
function rateLimitSql(counters: RateLimitCounters | null): Prisma.Sql {
  if (!counters)
    return Prisma.sql`hits AS (SELECT NULL::text AS "key", 0 AS "count" WHERE false), allowed AS (SELECT true AS "ok")`;
  return Prisma.sql`hits AS (
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
      SELECT k, w, 1 FROM unnest(${counters.keys}::text[], ${counters.windowStarts}::timestamptz[]) AS t(k, w)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      RETURNING "key", "count"
    ), allowed AS (
      SELECT NOT EXISTS (
        SELECT 1 FROM hits
          JOIN unnest(${counters.keys}::text[], ${counters.limits}::int[]) AS l(k, lim) ON l.k = hits."key"
        WHERE hits."count" > l.lim
      ) AS "ok"
    )`;
}

/**
 * A new lead, with its owner chosen in the same statement (the owner pick, lib/leads/intake/owner-pick.ts),
 * its first stage, and the owner's assignment on its timeline.
 */
function newLeadSql(inquiry: Inquiry, context: IntakeContext, source: SubmissionContext["source"]): Prisma.Sql {
  const lead = newLeadValues(inquiry, context);
  const { now } = context;
  return Prisma.sql`${ownerPickSql(inquiry.phone, lead)}, lead AS (
      INSERT INTO "Lead" ("id", "phone", "company", "companyKey", "contactName", "wechat", "email", "creditCode",
        "needDeal", "needKind", "needArea", "needAreaUnit", "use", "expectedAnnualTax", "investment", "annualOutput",
        "employees",
        "source", "listingId", "parkId", "ownerId", "assignedAt", "firstResponseDueAt", "stageChangedAt",
        "score", "scoreBreakdown", "vetoed", "searchTokens", "firstUtmMedium", "firstReferrer", "inquiryCount",
        "dayResponseDueAt", "lastInquiryAt", "createdAt", "updatedAt")
      SELECT ${newId()}, ${inquiry.phone}, ${inquiry.company}, ${lead.companyKey}, ${inquiry.contactName},
      ${inquiry.wechat ?? null},
        ${inquiry.email ?? null}, ${inquiry.creditCode ?? null},
        ${lead.needDeal}::"NeedDeal", ${lead.needKind}::"ListingKind", ${lead.needArea}::numeric,
        ${lead.needAreaUnit}::"AreaUnit",
        ${inquiry.use}, ${inquiry.expectedAnnualTax}::numeric, ${inquiry.investment ?? null}::numeric,
        ${inquiry.annualOutput ?? null}::numeric,
        ${inquiry.employees ?? null}::int, ${lead.source}, ${lead.listingId}::text, ${lead.parkId}::text,
        owner."id", CASE WHEN owner."id" IS NULL THEN NULL ELSE ${now}::timestamptz END,
        ${lead.firstResponseDueAt}::timestamptz, ${now}::timestamptz,
        ${lead.breakdown.total}::int, ${JSON.stringify(lead.breakdown)}::jsonb, ${lead.breakdown.vetoed}::boolean,
        ${lead.searchTokens}::text[],
        ${source.utmMedium ?? null}, ${source.referrer ?? null}, 1, ${lead.dayResponseDueAt}::timestamptz,
        ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM allowed, owner WHERE allowed."ok"
      ON CONFLICT ("phone") DO NOTHING
      RETURNING "id", "ownerId", "parkId", "needKind", "source"
    ), ${ownerTurnTakenSql}, history AS (
      INSERT INTO "StageChange" ("id", "leadId", "fromKey", "toKey", "changedAt")
      SELECT ${newId()}, lead."id", NULL, 'new', ${now}::timestamptz FROM lead
    ), assigned AS (
      INSERT INTO "Activity" ("id", "leadId", "actorId", "kind", "details", "occurredAt", "createdAt")
      SELECT ${newId()}, lead."id", NULL, 'OWNER', jsonb_build_object(
        'from', NULL::text, 'to', lead."ownerId", 'rule', owner."rule"),
             ${now}::timestamptz, ${now}::timestamptz
      FROM lead, owner WHERE lead."ownerId" IS NOT NULL
    )`;
}

/** A further inquiry updates its lead only while the lead still is as it was read. */
function existingLeadSql(inquiry: Inquiry, target: IntakeTarget, context: IntakeContext): Prisma.Sql {
  const lead = leadUpdateValues(inquiry, target, context);
  const { now } = context;
  return Prisma.sql`lead AS (
      UPDATE "Lead" AS l SET
        "needDeal" = ${lead.needDeal}::"NeedDeal", "needKind" = ${lead.needKind}::"ListingKind",
        "needArea" = ${lead.needArea}::numeric,
        "needAreaUnit" = ${lead.needAreaUnit}::"AreaUnit", "use" = ${inquiry.use},
        "expectedAnnualTax" = ${inquiry.expectedAnnualTax}::numeric,
        "investment" = ${lead.investment}::numeric, "annualOutput" = ${lead.annualOutput}::numeric,
        "employees" = ${lead.employees}::int,
        "wechat" = ${lead.wechat}, "email" = ${lead.email}, "creditCode" = ${lead.creditCode},
        "companyKey" = ${lead.companyKey}, "searchTokens" = ${lead.searchTokens}::text[],
        "score" = ${lead.breakdown.total}::int, "scoreBreakdown" = ${JSON.stringify(lead.breakdown)}::jsonb,
        "vetoed" = ${lead.breakdown.vetoed}::boolean,
        "lastInquiryAt" = ${now}::timestamptz, "updatedAt" = ${now}::timestamptz, "version" = l."version" + 1,
        "inquiryCount" = l."inquiryCount" + 1,
        -- An investor who asks again is back in play: an archived lead returns to the inbox.
        "archivedAt" = NULL
      WHERE l."id" = ${target.id} AND l."mergedIntoId" IS NULL AND ${fingerprintSql("l")} = ${target.fingerprint}
        AND (SELECT "ok" FROM allowed)
      RETURNING l."id", l."ownerId", l."parkId", l."needKind", l."source"
    )`;
}

/**
 * One statement, one round trip: count the attempt against the rate limits and, only if every
 * limit still holds, start or update the lead and store its inquiry. Everything is stored together
 * or not at all; concurrent inquiries from one phone meet on the phone's unique index (a new lead)
 * or on the lead's fingerprint (an update), and the one that loses stores nothing and reads again.
 */
export async function storeInquiry(
  db: Database,
  inquiry: Inquiry,
  submission: SubmissionContext & { requestHash: string; reference: string },
  intake: IntakeContext & { listing: InquiryListing | null; target: IntakeTarget | null },
  counters: RateLimitCounters | null,
): Promise<Stored> {
  const { source } = submission;
  const { listing, now } = intake;
  const need = needOf(inquiry);
  const leadSql = intake.target ? existingLeadSql(inquiry, intake.target, intake) : newLeadSql(inquiry, intake, source);
  const id = newId();
  const rows = await db.$queryRaw<
    {
      counts: Record<string, number> | null;
      allowed: boolean;
      id: string | null;
      reference: string | null;
      leadId: string | null;
    }[]
  >`
    WITH ${rateLimitSql(counters)}, ${leadSql}, stored AS (
    INSERT INTO "Inquiry" ("id", "reference", "idempotencyKey", "requestHash", "leadId", "listingId",
      "listingPrice", "listingPriceUnit", "listingArea", "listingAreaUnit",
      "needDeal", "needKind", "needArea", "needAreaUnit", "timeline", "use", "expectedAnnualTax",
      "company", "contactName", "phone", "wechat", "email", "investment", "annualOutput", "employees",
      "powerKva", "creditCode", "message", "consentNoticeVersion", "consentedAt", "channel", "locale",
      "sourcePage", "referrer", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent",
      "leadOwnerId", "leadParkId", "leadNeedKind", "leadSource", "createdAt")
    SELECT ${id}, ${submission.reference}, ${submission.idempotencyKey ?? null}, ${submission.requestHash}, lead."id",
    ${listing?.id ?? null},
      ${listing?.price.toString() ?? null}::numeric, ${listing?.priceUnit ?? null}::"PriceUnit",
      ${listing?.area.toString() ?? null}::numeric, ${listing?.areaUnit ?? null}::"AreaUnit",
      ${need.needDeal}::"NeedDeal", ${need.needKind}::"ListingKind", ${need.needArea}::numeric,
      ${need.needAreaUnit}::"AreaUnit",
      ${inquiry.need.timeline ? timeline[inquiry.need.timeline] : null}::"MoveInTimeline",
      ${inquiry.use}, ${inquiry.expectedAnnualTax}::numeric,
      ${inquiry.company}, ${inquiry.contactName}, ${inquiry.phone}, ${inquiry.wechat ?? null}, ${inquiry.email ?? null},
      ${inquiry.investment ?? null}::numeric, ${inquiry.annualOutput ?? null}::numeric,
      ${inquiry.employees ?? null}::int, ${inquiry.powerKva ?? null}::int, ${inquiry.creditCode ?? null},
      ${inquiry.message ?? null}, ${PRIVACY_NOTICE_VERSION}, ${now}, ${submission.channel}::"InquiryChannel",
      ${submission.locale}, ${source.page ?? null}, ${source.referrer ?? null}, ${source.utmSource ?? null},
      ${source.utmMedium ?? null}, ${source.utmCampaign ?? null}, ${source.utmTerm ?? null},
      ${source.utmContent ?? null}, lead."ownerId", lead."parkId", lead."needKind", lead."source", ${now}
    FROM lead
    RETURNING "id", "reference", "leadId"
    )
    SELECT (SELECT json_object_agg(hits."key", hits."count") FROM hits) AS counts,
    (SELECT "ok" FROM allowed) AS allowed,
           stored."id", stored."reference", stored."leadId"
    FROM (SELECT 1) AS one LEFT JOIN stored ON true`;
  const [row] = rows;
  return {
    counts: row.counts ?? {},
    allowed: row.allowed,
    inquiry:
      row.id && row.reference && row.leadId ? { id: row.id, reference: row.reference, leadId: row.leadId } : null,
  };
}
