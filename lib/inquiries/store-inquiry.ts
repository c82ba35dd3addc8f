import "server-only";
import { newId } from "../db/ids";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import { existingLeadSql, needOf, newLeadSql, type IntakeContext, type IntakeTarget } from "../leads/intake/intake";
import { notificationsOn } from "../outbox/events";
import { PRIVACY_NOTICE_VERSION } from "../privacy/notice";
import { rateLimitSql, type RateLimitCounters } from "../limits/rate-limit";
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

/**
 * The outbox's record of the stored inquiry (lib/outbox/events.ts), written by the same statement so an
 * inquiry is never stored without it, and never announced without being stored: it reads the `stored` row,
 * which is empty when a limit was exceeded or a race was lost.
 */
function receivedEventSql(eventId: string, newLead: boolean, now: Date): Prisma.Sql {
  return Prisma.sql`, received AS (
    INSERT INTO "OutboxEvent" ("id", "kind", "leadId", "inquiryId", "data", "dueAt", "createdAt")
    SELECT ${eventId}, 'inquiry.received', stored."leadId", stored."id",
      jsonb_build_object('newLead', ${newLead}::boolean), ${now}::timestamptz, ${now}::timestamptz
    FROM stored
    )`;
}

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
  const event = notificationsOn() ? receivedEventSql(newId(), !intake.target, now) : Prisma.empty;
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
    )${event}
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
