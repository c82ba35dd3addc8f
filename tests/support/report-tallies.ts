import type { Database } from "@/lib/db/client";

/*
 * The tally rows the triggers have kept (folded or still appended) that differ from counting every lead
 * and inquiry afresh (the recount's own query, read without writing): empty when the bookkeeping is exact.
 */
function driftNow(db: Database): Promise<unknown[]> {
  return db.$queryRaw<unknown[]>`
    WITH kept AS (
      SELECT "event", "grain", "period"::text, "ownerId", "parkId", "needKind", "source", "listingId", "industry", "medium", "referrerHost",
        "stageKey", "reachedKey", "archived", "minutes", "inDay", sum("leads")::int AS "leads", sum("inquiries")::int AS "inquiries",
        sum("signedTax")::float8, sum("expectedTax")::float8, sum("investment")::float8, sum("areaSqm")::float8, sum("areaMu")::float8,
        sum("seconds")::float8
      FROM (SELECT * FROM "ReportTally" UNION ALL SELECT "event", "grain", "period", "ownerId", "parkId", "needKind", "source", "listingId",
        "industry", "medium", "referrerHost", "stageKey", "reachedKey", "archived", "minutes", "inDay", "leads", "inquiries", "signedTax",
        "expectedTax", "investment", "areaSqm", "areaMu", "seconds" FROM "ReportTallyDelta") t
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
      HAVING sum("leads") <> 0 OR sum("inquiries") <> 0 OR sum("signedTax") <> 0 OR sum("expectedTax") <> 0 OR sum("investment") <> 0
        OR sum("areaSqm") <> 0 OR sum("areaMu") <> 0 OR sum("seconds") <> 0
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

/** The drift as the triggers left it, and again once the appended deltas are folded in (which must leave none). */
export async function tallyDrift(db: Database): Promise<unknown[]> {
  const appended = await driftNow(db);
  await db.$executeRaw`SELECT report_tally_fold()`;
  const [{ left }] = await db.$queryRaw<{ left: number }[]>`SELECT count(*)::int AS "left" FROM "ReportTallyDelta"`;
  return [...appended, ...(await driftNow(db)), ...(left > 0 ? [{ deltasLeftAfterFold: left }] : [])];
}
