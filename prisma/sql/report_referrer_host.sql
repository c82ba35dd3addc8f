-- A referrer's host, lower-cased, without user, port or a leading "www."; NULL when it has none.
CREATE OR REPLACE FUNCTION public.report_referrer_host(referrer text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT NULLIF(CASE WHEN h LIKE 'www.%' THEN substr(h, 5) ELSE h END, '')
  FROM (SELECT split_part(split_part(split_part(split_part(split_part(split_part(lower(btrim(referrer)), '://', 2), '/', 1), '?', 1), '#', 1), '@', -1), ':', 1) AS h) x
$function$;
