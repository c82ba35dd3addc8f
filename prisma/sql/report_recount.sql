-- Rebuilds what the triggers keep: how far each lead got and every tally. Run after the stage order
-- changes or a stage goes, as "further" follows the order.
CREATE OR REPLACE FUNCTION public.report_recount()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM set_config('parklead.recount', 'on', true);
  UPDATE "Lead" l SET "reachedStageKey" = r."key"
  FROM report_reached_now() r
  WHERE r."leadId" = l."id" AND l."reachedStageKey" IS DISTINCT FROM r."key";
  PERFORM report_tally_rebuild();
END
$function$;
