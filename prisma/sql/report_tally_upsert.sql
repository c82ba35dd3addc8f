-- The statement that adds up cells and adds what did not cancel out to the tallies, in key order so two
-- folds lock the rows they share in the same order.
CREATE OR REPLACE FUNCTION public.report_tally_upsert(cells text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT format($sql$
    INSERT INTO "ReportTally" AS t
    SELECT "event", "grain", "period", "ownerId", "parkId", "needKind", "source", "listingId", "industry", "medium", "referrerHost",
      "stageKey", "reachedKey", "archived", "minutes", "inDay", sum("leads"), sum("inquiries"), sum("signedTax"), sum("expectedTax"),
      sum("investment"), sum("areaSqm"), sum("areaMu"), sum("seconds")
    FROM (%s) c
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
    HAVING sum("leads") <> 0 OR sum("inquiries") <> 0 OR sum("signedTax") <> 0 OR sum("expectedTax") <> 0 OR sum("investment") <> 0
      OR sum("areaSqm") <> 0 OR sum("areaMu") <> 0 OR sum("seconds") <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
    ON CONFLICT ("event", "grain", "period", "ownerId", "parkId", "needKind", "source", "listingId", "industry", "medium", "referrerHost",
      "stageKey", "reachedKey", "archived", "minutes", "inDay") DO UPDATE SET
      "leads" = t."leads" + EXCLUDED."leads", "inquiries" = t."inquiries" + EXCLUDED."inquiries",
      "signedTax" = t."signedTax" + EXCLUDED."signedTax", "expectedTax" = t."expectedTax" + EXCLUDED."expectedTax",
      "investment" = t."investment" + EXCLUDED."investment", "areaSqm" = t."areaSqm" + EXCLUDED."areaSqm", "areaMu" = t."areaMu" + EXCLUDED."areaMu",
      "seconds" = t."seconds" + EXCLUDED."seconds"
  $sql$, cells)
$function$;
