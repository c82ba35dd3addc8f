-- Counts every tally afresh from the leads and inquiries as they are.
CREATE OR REPLACE FUNCTION public.report_tally_rebuild()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM set_config('parklead.recount', 'on', true);
  DELETE FROM "ReportTallyDelta";
  DELETE FROM "ReportTally";
  EXECUTE report_tally_upsert('SELECT c.* FROM "Lead" r, report_lead_cells(r, 1) c UNION ALL SELECT c.* FROM "Inquiry" r, report_inquiry_cells(r, 1) c');
  PERFORM set_config('parklead.recount', 'off', true);
END
$function$;
