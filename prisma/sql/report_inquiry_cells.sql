-- What one inquiry adds: counted on the day it arrived, under its lead's owner, park, kind and source then.
CREATE OR REPLACE FUNCTION public.report_inquiry_cells(i "Inquiry", sign integer)
 RETURNS SETOF "ReportTally"
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT 'inquiry', g.grain, report_period(g.grain, i."createdAt"), COALESCE(i."leadOwnerId", ''), COALESCE(i."leadParkId", ''),
    COALESCE(i."leadNeedKind"::text, ''), COALESCE(i."leadSource", ''), '', '', '', '', '', '', false, 0, false,
    0, sign, 0::numeric, 0::numeric, 0::numeric, 0::numeric, 0::numeric, 0::numeric
  FROM (VALUES ('day'), ('month')) g(grain)
$function$;
