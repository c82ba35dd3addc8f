-- A referrer's host, lower-cased, without user, port or a leading "www."; NULL when it has none.
-- PL/pgSQL rather than SQL: the SQL form (a subquery) was planned again on every call from the tally
-- triggers; PL/pgSQL keeps its plan for the session (0.22 → 0.02 ms an inquiry).
CREATE OR REPLACE FUNCTION public.report_referrer_host(referrer text)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
DECLARE
  h text := split_part(split_part(split_part(split_part(split_part(split_part(lower(btrim(referrer)), '://', 2), '/', 1), '?', 1), '#', 1), '@', -1), ':', 1);
BEGIN
  RETURN NULLIF(CASE WHEN h LIKE 'www.%' THEN substr(h, 5) ELSE h END, '');
END
$function$;
