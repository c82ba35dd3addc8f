-- Keeps ReportTallyDelta: every insert, update and delete of leads and inquiries appends what it changed in
-- the tallies. Statement-level, with the rows the statement changed: one append per statement, however many
-- rows, in plain SQL so its plans are kept. report_recount sets parklead.recount while it rebuilds the
-- tallies whole.
CREATE OR REPLACE FUNCTION public.report_tally()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF current_setting('parklead.recount', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_TABLE_NAME = 'Lead' AND TG_OP = 'UPDATE' THEN
    -- Most updates change nothing the reports count: the old and new cells cancel and nothing is appended.
    INSERT INTO "ReportTallyDelta"
    SELECT "event", "grain", "period", "ownerId", "parkId", "needKind", "source", "listingId", "industry", "medium", "referrerHost",
      "stageKey", "reachedKey", "archived", "minutes", "inDay", sum("leads"), sum("inquiries"), sum("signedTax"), sum("expectedTax"),
      sum("investment"), sum("areaSqm"), sum("areaMu"), sum("seconds")
    FROM (SELECT c.* FROM new_rows r, report_lead_cells(r, 1) c UNION ALL SELECT c.* FROM old_rows r, report_lead_cells(r, -1) c) c
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
    HAVING sum("leads") <> 0 OR sum("inquiries") <> 0 OR sum("signedTax") <> 0 OR sum("expectedTax") <> 0 OR sum("investment") <> 0
      OR sum("areaSqm") <> 0 OR sum("areaMu") <> 0 OR sum("seconds") <> 0;
  ELSIF TG_TABLE_NAME = 'Lead' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO "ReportTallyDelta" SELECT c.* FROM new_rows r, report_lead_cells(r, 1) c;
    ELSE
      INSERT INTO "ReportTallyDelta" SELECT c.* FROM old_rows r, report_lead_cells(r, -1) c;
    END IF;
  ELSE
    -- An inquiry's cells depend on the inquiry alone: a merge re-pointing it appends a pair that cancels.
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO "ReportTallyDelta" SELECT c.* FROM new_rows r, report_inquiry_cells(r, 1) c;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      INSERT INTO "ReportTallyDelta" SELECT c.* FROM old_rows r, report_inquiry_cells(r, -1) c;
    END IF;
  END IF;
  RETURN NULL;
END
$function$;

DROP TRIGGER IF EXISTS "Inquiry_tally_delete" ON public."Inquiry";
CREATE TRIGGER "Inquiry_tally_delete" AFTER DELETE ON public."Inquiry"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();

DROP TRIGGER IF EXISTS "Inquiry_tally_insert" ON public."Inquiry";
CREATE TRIGGER "Inquiry_tally_insert" AFTER INSERT ON public."Inquiry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();

DROP TRIGGER IF EXISTS "Inquiry_tally_update" ON public."Inquiry";
CREATE TRIGGER "Inquiry_tally_update" AFTER UPDATE ON public."Inquiry"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();

DROP TRIGGER IF EXISTS "Lead_tally_delete" ON public."Lead";
CREATE TRIGGER "Lead_tally_delete" AFTER DELETE ON public."Lead"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();

DROP TRIGGER IF EXISTS "Lead_tally_insert" ON public."Lead";
CREATE TRIGGER "Lead_tally_insert" AFTER INSERT ON public."Lead"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();

DROP TRIGGER IF EXISTS "Lead_tally_update" ON public."Lead";
CREATE TRIGGER "Lead_tally_update" AFTER UPDATE ON public."Lead"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();
