import type { Database } from "@/lib/db/client";

/**
 * The tally rows the triggers have kept that differ from counting every lead and inquiry afresh
 * (the recount's own query, read without writing): empty when the bookkeeping is exact.
 */
export async function tallyDrift(db: Database): Promise<unknown[]> {
  return db.$queryRaw<unknown[]>`
    WITH kept AS (
      SELECT "event", "grain", "period"::text, "ownerId", "parkId", "needKind", "source", "listingId", "industry", "medium", "referrerHost",
        "stageKey", "reachedKey", "archived", "minutes", "inDay", "leads", "inquiries", "signedTax"::float8, "expectedTax"::float8,
        "investment"::float8, "areaSqm"::float8, "areaMu"::float8, "seconds"::float8
      FROM "ReportTally"
      WHERE "leads" <> 0 OR "inquiries" <> 0 OR "signedTax" <> 0 OR "expectedTax" <> 0 OR "investment" <> 0 OR "areaSqm" <> 0 OR "areaMu" <> 0
        OR "seconds" <> 0
    ), counted AS (
      SELECT "event", "grain", "period"::text, "ownerId", "parkId", "needKind", "source", "listingId", "industry", "medium", "referrerHost",
        "stageKey", "reachedKey", "archived", "minutes", "inDay", sum("leads")::int AS "leads", sum("inquiries")::int AS "inquiries",
        sum("signedTax")::float8, sum("expectedTax")::float8, sum("investment")::float8, sum("areaSqm")::float8, sum("areaMu")::float8,
        sum("seconds")::float8
      FROM (SELECT c.* FROM "Lead" r, report_lead_cells(r, 1) c UNION ALL SELECT c.* FROM "Inquiry" r, report_inquiry_cells(r, 1) c) c
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
    )
    (SELECT 'kept, not counted' AS drift, * FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM counted) x)
    UNION ALL
    (SELECT 'counted, not kept', * FROM (SELECT * FROM counted EXCEPT ALL SELECT * FROM kept) y)`;
}
