-- Moves the appended deltas into the tallies (called by the reports before they read). Two folds at once
-- each move their own rows: the second waits for the first and finds them gone.
CREATE OR REPLACE FUNCTION public.report_tally_fold()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
  EXECUTE 'WITH moved AS (DELETE FROM "ReportTallyDelta" RETURNING *) ' || report_tally_upsert('SELECT * FROM moved');
END
$function$;
