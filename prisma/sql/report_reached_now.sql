-- How far each lead got, from its whole stage history and where it stands, by the stage order of now.
CREATE OR REPLACE FUNCTION public.report_reached_now()
 RETURNS TABLE("leadId" text, key text)
 LANGUAGE sql
 STABLE
AS $function$
  SELECT DISTINCT ON (x."leadId") x."leadId", s."key"
  FROM (SELECT "leadId", "toKey" AS "key" FROM "StageChange" UNION ALL SELECT "id", "stageKey" FROM "Lead") x
  JOIN "Stage" s ON s."key" = x."key" AND s."category" <> 'LOST'
  ORDER BY x."leadId", s."position" DESC
$function$;
