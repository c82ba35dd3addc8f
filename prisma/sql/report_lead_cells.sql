-- What one lead adds to the tallies (sign -1 takes it away): as created, as answered, its completed stays,
-- and as signed while it is won. A lead merged into another adds nothing: its inquiries and history now
-- count on the survivor.
CREATE OR REPLACE FUNCTION public.report_lead_cells(l "Lead", sign integer)
 RETURNS SETOF "ReportTally"
 LANGUAGE sql
 STABLE
AS $function$
  SELECT 'created', g.grain, report_period(g.grain, l."createdAt"), COALESCE(l."ownerId", ''), COALESCE(l."parkId", ''),
    COALESCE(l."needKind"::text, ''), l."source", COALESCE(l."listingId", ''),
    COALESCE(NULLIF(btrim(l."industry"), ''), NULLIF(btrim(l."use"), ''), ''),
    COALESCE(NULLIF(btrim(l."firstUtmMedium"), ''), 'direct'), COALESCE(report_referrer_host(l."firstReferrer"), 'direct'),
    l."stageKey", COALESCE(l."reachedStageKey", ''), l."archivedAt" IS NOT NULL, 0, false,
    sign, sign * l."inquiryCount", sign * COALESCE(l."signedAnnualTax", 0), sign * COALESCE(l."expectedAnnualTax", 0),
    sign * COALESCE(l."investment", 0),
    sign * CASE WHEN l."needAreaUnit" = 'MU' THEN 0 ELSE COALESCE(l."needArea", 0) END,
    sign * CASE WHEN l."needAreaUnit" = 'MU' THEN COALESCE(l."needArea", 0) ELSE 0 END,
    0::numeric
  FROM (VALUES ('day'), ('month')) g(grain)
  WHERE l."mergedIntoId" IS NULL
  UNION ALL
  SELECT 'response', g.grain, report_period(g.grain, l."createdAt"), COALESCE(l."ownerId", ''), COALESCE(l."parkId", ''),
    COALESCE(l."needKind"::text, ''), l."source", '', '', '', '', '', '', false,
    CASE WHEN l."firstRespondedAt" IS NULL THEN -1 ELSE report_minutes(EXTRACT(EPOCH FROM l."firstRespondedAt" - l."createdAt")) END,
    COALESCE(l."firstRespondedAt" <= l."dayResponseDueAt", false),
    sign, 0, 0::numeric, 0::numeric, 0::numeric, 0::numeric, 0::numeric, 0::numeric
  FROM (VALUES ('day'), ('month')) g(grain)
  WHERE l."mergedIntoId" IS NULL
  UNION ALL
  SELECT 'stay', g.grain, report_period(g.grain, l."createdAt"), COALESCE(l."ownerId", ''), COALESCE(l."parkId", ''),
    COALESCE(l."needKind"::text, ''), l."source", '', '', '', '', u."stageKey", '', false, report_minutes(u."seconds"), false,
    sign, 0, 0::numeric, 0::numeric, 0::numeric, 0::numeric, 0::numeric, sign * u."seconds"::numeric
  FROM (VALUES ('day'), ('month')) g(grain), unnest(l."stayStageKeys", l."staySeconds") AS u("stageKey", "seconds")
  WHERE l."mergedIntoId" IS NULL
  UNION ALL
  SELECT 'signed', g.grain, report_period(g.grain, l."signedAt"), COALESCE(l."ownerId", ''), COALESCE(l."parkId", ''),
    COALESCE(l."needKind"::text, ''), l."source", '', '', '', '', l."stageKey", '', false,
    report_minutes(EXTRACT(EPOCH FROM l."signedAt" - l."createdAt")), false,
    sign, 0, sign * COALESCE(l."signedAnnualTax", 0), 0::numeric, 0::numeric, 0::numeric, 0::numeric,
    sign * GREATEST(EXTRACT(EPOCH FROM l."signedAt" - l."createdAt"), 0)
  FROM (VALUES ('day'), ('month')) g(grain)
  WHERE l."mergedIntoId" IS NULL AND l."signedAt" IS NOT NULL
    AND EXISTS (SELECT 1 FROM "Stage" s WHERE s."key" = l."stageKey" AND s."category" = 'WON')
$function$;
