import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { newId } from "../../db/ids";
import type { Settings } from "../../settings/schema";
import { companyKey } from "../company-key";
import { scoreLead, type ScoreBreakdown } from "../score/score";
import { leadSearchTokens } from "../search-tokens";
import { dayResponseDeadline } from "../../calendar/response-deadline";
import { addWorkingHours } from "../../calendar/working-hours";

/**
 * The owner pick's fragments, for the one statement lib/inquiries/store-inquiry.ts composes: this module is the
 * capability's entry.
 */
import { ownerPickSql, ownerTurnTakenSql } from "./owner-pick";
export { NEW_PHONE_LOCK } from "./owner-pick";

/*
 * What an arriving inquiry does to its lead, worked out in TypeScript before the one statement
 * that stores it (lib/inquiries/mutations.ts): the values of a new lead, or the update of the
 * lead the phone already has (the surviving lead when that one was merged away).
 */

const needDeal = { buy: "BUY", rent: "RENT" } as const;
const needKind = { factory: "FACTORY", office: "OFFICE", land: "LAND" } as const;
const areaUnit = { sqm: "SQM", mu: "MU" } as const;

/**
 * What intake reads of an arriving inquiry, in the shape the lead side needs. The validated inquiry
 * (lib/inquiries/schema.ts) is one: the compiler checks that where the intake's statement is built
 * (lib/inquiries/store-inquiry.ts), and leads do not import the inquiry's schema, since inquiries
 * build on leads and not the other way round. Amounts are exact decimal strings in 万元.
 */
export interface IntakeInquiry {
  need: { deal: keyof typeof needDeal; kind: keyof typeof needKind; area: string; areaUnit: keyof typeof areaUnit };
  use: string;
  expectedAnnualTax: string;
  company: string;
  contactName: string;
  phone: string;
  wechat?: string;
  email?: string;
  creditCode?: string;
  investment?: string;
  annualOutput?: string;
  employees?: number;
}

/** The inquiry's need in the database's enums. */
export function needOf(inquiry: IntakeInquiry) {
  return {
    needDeal: needDeal[inquiry.need.deal],
    needKind: needKind[inquiry.need.kind],
    needArea: inquiry.need.area,
    needAreaUnit: areaUnit[inquiry.need.areaUnit],
  };
}

/**
 * The columns an update of an existing lead derives its values from. The statement applies the
 * update only while they still hash to what was read, so a change committed in between (an edit,
 * an erasure, another inquiry) makes the intake read again rather than overwrite it.
 */
export function fingerprintSql(alias: string): Prisma.Sql {
  const columns = [
    "company",
    "contactName",
    "phone",
    "wechat",
    "email",
    "notes",
    "creditCode",
    "industry",
    "investment",
    "annualOutput",
    "employees",
    "erasedAt",
    "mergedIntoId",
  ];
  return Prisma.raw(`md5(ROW(${columns.map((column) => `"${alias}"."${column}"`).join(", ")})::text)`);
}

export interface IntakeTarget {
  id: string;
  company: string;
  contactName: string;
  phone: string;
  wechat: string | null;
  email: string | null;
  notes: string | null;
  creditCode: string | null;
  industry: string | null;
  investment: Prisma.Decimal | null;
  annualOutput: Prisma.Decimal | null;
  employees: number | null;
  fingerprint: string;
}

/**
 * The lead an inquiry from this phone joins: the phone's own lead, or, when that one was merged
 * away, the lead it was merged into (following a chain of merges). Null for a new phone.
 */
export async function readIntakeTarget(db: Database, phone: string): Promise<IntakeTarget | null> {
  const rows = await db.$queryRaw<(IntakeTarget & { merged: boolean })[]>`
    WITH RECURSIVE chain AS (
      SELECT "id", "mergedIntoId", 0 AS "depth" FROM "Lead" WHERE "phone" = ${phone}
      UNION ALL
      SELECT l."id", l."mergedIntoId",
      chain."depth" + 1 FROM "Lead" l JOIN chain ON l."id" = chain."mergedIntoId" WHERE chain."depth" < 20
    )
    SELECT l."id", l."company", l."contactName", l."phone", l."wechat", l."email", l."notes", l."creditCode",
    l."industry",
           l."investment", l."annualOutput", l."employees", ${fingerprintSql("l")} AS "fingerprint",
           chain."mergedIntoId" IS NOT NULL AS "merged"
    FROM chain JOIN "Lead" l ON l."id" = chain."id"
    ORDER BY chain."depth" DESC LIMIT 1`;
  const [target] = rows;
  if (!target) return null;
  if (target.merged) throw new Error("A merged lead's chain of merges does not end in a surviving lead");
  return target;
}

export interface IntakeContext {
  channel: "FORM" | "API";
  /** Of where the inquiry came from, intake reads only the campaign source: it names a new lead's source. */
  source: { utmSource?: string };
  listing: { id: string; parkId: string } | null;
  settings: Settings;
  now: Date;
}

const textOf = (value: { toString(): string } | null | undefined) =>
  value === null || value === undefined ? null : value.toString();

/** A new lead's values; its owner is chosen inside the statement, where concurrent inquiries meet. */
export function newLeadValues(inquiry: IntakeInquiry, context: IntakeContext) {
  const need = needOf(inquiry);
  const breakdown = scoreLead({ ...need, ...inquiry, industry: null }, context.settings.score);
  const { workingHours } = context.settings;
  return {
    ...need,
    companyKey: companyKey(inquiry.company),
    searchTokens: leadSearchTokens(inquiry),
    source: context.source.utmSource ?? (context.listing ? "listing" : context.channel === "API" ? "api" : "direct"),
    listingId: context.listing?.id ?? null,
    parkId: context.listing?.parkId ?? null,
    firstResponseDueAt: addWorkingHours(context.now, workingHours.firstResponseHours, workingHours),
    dayResponseDueAt: dayResponseDeadline(context.now, workingHours),
    parkOwnerRule: context.settings.assignment.rule === "park_owner",
    breakdown,
  };
}

/**
 * How a further inquiry changes its lead: the need summary follows the newest inquiry; amounts it
 * leaves blank keep what the lead knew; contact details only fill gaps; owner, deadline and stage stay.
 */
export function leadUpdateValues(inquiry: IntakeInquiry, target: IntakeTarget, context: IntakeContext) {
  const need = needOf(inquiry);
  const fields = {
    wechat: target.wechat ?? inquiry.wechat ?? null,
    email: target.email ?? inquiry.email ?? null,
    creditCode: target.creditCode ?? inquiry.creditCode ?? null,
    investment: inquiry.investment ?? textOf(target.investment),
    annualOutput: inquiry.annualOutput ?? textOf(target.annualOutput),
    employees: inquiry.employees ?? target.employees,
  };
  const breakdown: ScoreBreakdown = scoreLead(
    { ...need, ...fields, expectedAnnualTax: inquiry.expectedAnnualTax, use: inquiry.use, industry: target.industry },
    context.settings.score,
  );
  return {
    ...need,
    ...fields,
    companyKey: companyKey(target.company),
    searchTokens: leadSearchTokens({ ...target, ...fields }),
    breakdown,
  };
}

/**
 * A new lead, with its owner chosen in the same statement (the owner pick, ./owner-pick.ts),
 * its first stage, and the owner's assignment on its timeline.
 */
export function newLeadSql(
  inquiry: IntakeInquiry,
  context: IntakeContext,
  source: { utmMedium?: string; referrer?: string },
): Prisma.Sql {
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
export function existingLeadSql(inquiry: IntakeInquiry, target: IntakeTarget, context: IntakeContext): Prisma.Sql {
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
