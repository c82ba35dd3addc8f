-- Of two stages, the one further along the pipeline; lost stages and unknown keys count as not reached.
CREATE OR REPLACE FUNCTION public.report_further(a text, b text)
 RETURNS text
 LANGUAGE sql
 STABLE
AS $function$
  SELECT s."key" FROM "Stage" s WHERE s."key" IN (a, b) AND s."category" <> 'LOST' ORDER BY s."position" DESC LIMIT 1
$function$;
