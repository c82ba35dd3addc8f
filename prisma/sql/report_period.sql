-- The day or month an instant falls in, in Asia/Shanghai: the period a tally row counts it under.
CREATE OR REPLACE FUNCTION public.report_period(grain text, instant timestamp without time zone)
 RETURNS date
 LANGUAGE sql
 IMMUTABLE
AS $function$
  -- Asia/Shanghai has kept UTC+8 without daylight saving since 1991.
  SELECT CASE WHEN grain = 'day' THEN (instant + interval '8 hours')::date
    ELSE date_trunc('month', instant + interval '8 hours')::date END
$function$;
