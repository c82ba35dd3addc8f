import "server-only";
import { Prisma } from "../db/generated/client";
import type { Database } from "../db/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";
import { WORKSPACE_ROLES } from "../leads/access";
import { conversionTables, type ConversionGroup } from "./conversion-tables";
import { coversEveryLead, reportLeadsSql, resolveRange, type ReportFilter } from "./filters";
import type { ReportTable } from "./table";

const utc = (instant: Date) => Prisma.sql`(${instant}::timestamptz AT TIME ZONE 'UTC')`;

/*
 * A referrer's host, lower-cased, without user, port or a leading "www.": https://user@www.Baidu.com:443/s?wd=… →
 * baidu.com. Anything without "://" has no usable host and counts as direct. Plain string cuts, no regular
 * expression, and run once per distinct referrer after grouping, not once per lead.
 */
const referrerHost = (referrer: Prisma.Sql) => {
  const cut = (text: Prisma.Sql, separator: string, part: number) => Prisma.sql`split_part(${text}, ${Prisma.raw(`'${separator}'`)}, ${Prisma.raw(String(part))})`;
  let host = cut(Prisma.sql`lower(btrim(${referrer}))`, "://", 2);
  for (const separator of ["/", "?", "#"]) host = cut(host, separator, 1);
  host = cut(cut(host, "@", -1), ":", 1);
  return Prisma.sql`NULLIF(CASE WHEN ${host} LIKE 'www.%' THEN substr(${host}, 5) ELSE ${host} END, '')`;
};

/**
 * Conversion by dimension for the cohort of leads CREATED in the range (filters applied, merged-away
 * leads never counted), one table per dimension, each closed by the cohort's total:
 * - inquiries: the cohort's inquiries received in the range (a merge moves the tombstone's inquiries
 *   to the survivor, so they count there);
 * - leads: the cohort; signed: cohort leads now in a WON stage; signedRate: signed / leads;
 * - signedTax: sum of the signed leads' signedAnnualTax (万元 a year).
 * UTM medium and referring site come from the lead's first inquiry: the one that created it, stored by
 * intake in the same statement and at the same instant as the lead (an older inquiry moved in by a
 * merge does not change where the lead came from, as it does not change Lead.source); "direct" when
 * empty. Industry is Lead.industry, else the inquiry's 用途 (Lead.use), trimmed.
 */
export async function conversionReport(db: Database, viewer: Viewer | null, filter: ReportFilter, now = new Date()): Promise<ReportTable[]> {
  assertRole(viewer, WORKSPACE_ROLES, "read the conversion report");
  const range = resolveRange(filter, now);
  const won = (await db.stage.findMany({ where: { category: "WON" }, select: { key: true } })).map((stage) => stage.key);
  const inRange = (column: Prisma.Sql) => Prisma.sql`${column} >= ${utc(range.from)} AND ${column} < ${utc(range.to)}`;
  const scope = (alias: string) => Prisma.sql`${reportLeadsSql(filter, viewer, alias)} AND ${inRange(Prisma.raw(`"${alias}"."createdAt"`))}`;
  // A narrowed view counts the inquiries of its own cohort only, rather than every inquiry of the range.
  const narrowed = coversEveryLead(filter, viewer)
    ? Prisma.empty
    : Prisma.sql`AND i."leadId" IN (SELECT c."id" FROM "Lead" c WHERE ${scope("c")})`;
  const groups = await db.$queryRaw<ConversionGroup[]>`
    WITH received AS (
      SELECT i."leadId", count(*) AS "inquiries" FROM "Inquiry" i
      WHERE ${inRange(Prisma.sql`i."createdAt"`)} ${narrowed}
      GROUP BY i."leadId"
    ), leads AS (
      SELECT l."source", l."listingId", l."parkId", l."ownerId",
        COALESCE(NULLIF(btrim(l."industry"), ''), NULLIF(btrim(l."use"), '')) AS "industry",
        l."stageKey" = ANY(${won}::text[]) AS "won", l."signedAnnualTax" AS "tax", COALESCE(r."inquiries", 0) AS "inquiries",
        COALESCE(NULLIF(btrim(f."utmMedium"), ''), 'direct') AS "medium",
        f."referrer"
      FROM "Lead" l
      LEFT JOIN "Inquiry" f ON f."leadId" = l."id" AND f."createdAt" = l."createdAt" AND ${inRange(Prisma.sql`f."createdAt"`)}
      LEFT JOIN received r ON r."leadId" = l."id"
      WHERE ${scope("l")}
    ), grouped AS (
      SELECT
        CASE WHEN GROUPING("source") = 0 THEN 'source' WHEN GROUPING("medium") = 0 THEN 'medium'
          WHEN GROUPING("referrer") = 0 THEN 'referrer' WHEN GROUPING("listingId") = 0 THEN 'listing'
          WHEN GROUPING("parkId") = 0 THEN 'park' WHEN GROUPING("ownerId") = 0 THEN 'owner'
          WHEN GROUPING("industry") = 0 THEN 'industry' ELSE 'total' END AS "dimension",
        COALESCE("source", "medium", "referrer", "listingId", "parkId", "ownerId", "industry") AS "value",
        COALESCE(sum("inquiries"), 0)::int AS "inquiries", count(*)::int AS "leads",
        (count(*) FILTER (WHERE "won"))::int AS "signed",
        COALESCE(sum("tax") FILTER (WHERE "won"), 0)::float8 AS "signedTax"
      FROM leads
      GROUP BY GROUPING SETS (("source"), ("medium"), ("referrer"), ("listingId"), ("parkId"), ("ownerId"), ("industry"), ())
    ), regrouped AS (
      -- Referrers were grouped as they came; each distinct one is cut down to its host once, here.
      SELECT "dimension", CASE WHEN "dimension" = 'referrer' THEN COALESCE(${referrerHost(Prisma.sql`"value"`)}, 'direct') ELSE "value" END AS "value",
        sum("inquiries")::int AS "inquiries", sum("leads")::int AS "leads", sum("signed")::int AS "signed", sum("signedTax")::float8 AS "signedTax"
      FROM grouped
      GROUP BY 1, 2
    )
    SELECT g."dimension", g."value", g."inquiries", g."leads", g."signed", g."signedTax",
      g."signed"::float8 / NULLIF(g."leads", 0) AS "signedRate",
      COALESCE(li."title", p."name", u."name") AS "label", COALESCE(li."titleEn", p."nameEn") AS "labelEn"
    FROM regrouped g
    LEFT JOIN "Listing" li ON g."dimension" = 'listing' AND li."id" = g."value"
    LEFT JOIN "Park" p ON g."dimension" = 'park' AND p."id" = g."value"
    LEFT JOIN "User" u ON g."dimension" = 'owner' AND u."id" = g."value"
    ORDER BY g."dimension", g."leads" DESC, g."signed" DESC, g."value" IS NULL, COALESCE(li."title", p."name", u."name", g."value") COLLATE "C"`;
  return conversionTables(groups);
}
