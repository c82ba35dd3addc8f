import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { publicSiteHost } from "../../inquiries/source";
import { WORKSPACE_ROLES } from "../../leads/access";
import { conversionTables, type ConversionGroup } from "./tables";
import { reportTallySql, resolveRange, type ReportFilter } from "../filters";
import { foldReportTallies, tallyRows } from "../tallies/tallies";
import type { ReportTable } from "../table";

/**
 * Conversion by dimension for the cohort of leads CREATED in the range (filters applied, merged-away
 * leads never counted), one table per dimension, each closed by the cohort's total:
 * - inquiries: every inquiry the cohort's leads have received so far (Lead.inquiryCount; a merge
 *   moves the tombstone's inquiries to the survivor, so they count there), as signed counts the
 *   leads signed so far;
 * - leads: the cohort; signed: cohort leads now in a WON stage; signedRate: signed / leads;
 * - signedTax: sum of the signed leads' signedAnnualTax (万元 a year).
 * UTM medium and referring site (its host, without "www.") come from the lead's first inquiry, the one
 * that created it (an older inquiry moved in by a merge does not change where the lead came from, as
 * it does not change Lead.source); "direct" when empty, or when it is the site's own public host (rows
 * stored before intake dropped such referrers). Industry is Lead.industry, else the inquiry's
 * 用途 (Lead.use), trimmed. Read from the created tallies (lib/reports/tallies).
 */
export async function conversionReport(
  db: Database,
  viewer: Viewer | null,
  filter: ReportFilter,
  now = new Date(),
): Promise<ReportTable[]> {
  assertRole(viewer, WORKSPACE_ROLES, "read the conversion report");
  await foldReportTallies(db);
  const range = resolveRange(filter, now);
  const groups = await db.$queryRaw<ConversionGroup[]>`
    WITH leads AS (
      SELECT t."source", t."medium",
        CASE WHEN t."referrerHost" = ${publicSiteHost()}::text THEN 'direct' ELSE t."referrerHost" END AS "referrer",
        NULLIF(t."listingId", '') AS "listingId",
      NULLIF(t."parkId", '') AS "parkId",
        NULLIF(t."ownerId", '') AS "ownerId", NULLIF(t."industry", '') AS "industry",
        EXISTS (SELECT 1 FROM "Stage" s WHERE s."key" = t."stageKey" AND s."category" = 'WON') AS "won",
        t."leads", t."inquiries", t."signedTax"
      FROM ${tallyRows("created", [range])} t
      WHERE ${reportTallySql(filter, viewer, "t")}
    ), grouped AS (
      SELECT
        CASE WHEN GROUPING("source") = 0 THEN 'source' WHEN GROUPING("medium") = 0 THEN 'medium'
          WHEN GROUPING("referrer") = 0 THEN 'referrer' WHEN GROUPING("listingId") = 0 THEN 'listing'
          WHEN GROUPING("parkId") = 0 THEN 'park' WHEN GROUPING("ownerId") = 0 THEN 'owner'
          WHEN GROUPING("industry") = 0 THEN 'industry' ELSE 'total' END AS "dimension",
        COALESCE("source", "medium", "referrer", "listingId", "parkId", "ownerId", "industry") AS "value",
        COALESCE(sum("inquiries"), 0)::int AS "inquiries", COALESCE(sum("leads"), 0)::int AS "leads",
        COALESCE(sum("leads") FILTER (WHERE "won"), 0)::int AS "signed",
        COALESCE(sum("signedTax") FILTER (WHERE "won"), 0)::float8 AS "signedTax"
      FROM leads
      GROUP BY GROUPING SETS (("source"), ("medium"), ("referrer"), ("listingId"), ("parkId"), ("ownerId"),
      ("industry"), ())
      -- a tally emptied by moves is a row of zeros; the total stays, so an empty cohort still has one
      HAVING sum("leads") > 0 OR GROUPING("source", "medium", "referrer", "listingId", "parkId", "ownerId",
      "industry") = 127
    )
    SELECT g."dimension", g."value", g."inquiries", g."leads", g."signed", g."signedTax",
      g."signed"::float8 / NULLIF(g."leads", 0) AS "signedRate",
      COALESCE(li."title", p."name", u."name") AS "label", COALESCE(li."titleEn", p."nameEn") AS "labelEn"
    FROM grouped g
    LEFT JOIN "Listing" li ON g."dimension" = 'listing' AND li."id" = g."value"
    LEFT JOIN "Park" p ON g."dimension" = 'park' AND p."id" = g."value"
    LEFT JOIN "User" u ON g."dimension" = 'owner' AND u."id" = g."value"
    ORDER BY g."dimension", g."leads" DESC, g."signed" DESC, g."value" IS NULL,
      COALESCE(li."title", p."name", u."name", g."value") COLLATE "C"`;
  return conversionTables(groups);
}
