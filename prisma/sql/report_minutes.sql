-- Whole minutes, rounded up, of a span: what medians are taken over (a reply in 60 min 0.5 s is not within the hour).
CREATE OR REPLACE FUNCTION public.report_minutes(seconds numeric)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT GREATEST(ceil(seconds / 60), 0)::int
$function$;
