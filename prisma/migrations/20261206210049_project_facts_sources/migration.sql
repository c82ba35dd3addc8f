-- Written by scripts/sql-sources.mjs from prisma/sql: edit those files and run the script, never this file.

-- prisma/sql/project_facts_refresh.sql
-- The delivery report's copy of projects' milestones, 到资 and schedule on their own rows (Project's @ignore
-- columns): the six milestones' plans, the moments those plans took effect and the actual days, in MilestoneKind
-- order; the days with payments and the running total paid by each day; the same for the schedule's due days.
-- Worked out again whole for the given projects, so whatever wrote the rows, the copy equals them.
CREATE OR REPLACE FUNCTION public.project_facts_refresh(ids text[])
 RETURNS void
 LANGUAGE sql
AS $function$
  UPDATE "Project" p SET
    "milestonePlans" = m.plans,
    "milestonePlanSince" = m.since,
    "milestoneActuals" = m.actuals,
    "fundingDays" = COALESCE(f.days, '{}'),
    "fundingRunning" = COALESCE(f.running, '{}'),
    "scheduleDays" = COALESCE(s.days, '{}'),
    "scheduleRunning" = COALESCE(s.running, '{}')
  FROM unnest(ids) AS target(id)
  LEFT JOIN LATERAL (
    SELECT
      ARRAY[max(x."plannedOn") FILTER (WHERE x."kind" = 'REGISTERED'),
            max(x."plannedOn") FILTER (WHERE x."kind" = 'LAND_HANDOVER'),
            max(x."plannedOn") FILTER (WHERE x."kind" = 'CONSTRUCTION_START'),
            max(x."plannedOn") FILTER (WHERE x."kind" = 'COMPLETION'),
            max(x."plannedOn") FILTER (WHERE x."kind" = 'PRODUCTION'),
            max(x."plannedOn") FILTER (WHERE x."kind" = 'FULL_PRODUCTION')] AS plans,
      ARRAY[max(x."plannedSince") FILTER (WHERE x."kind" = 'REGISTERED'),
            max(x."plannedSince") FILTER (WHERE x."kind" = 'LAND_HANDOVER'),
            max(x."plannedSince") FILTER (WHERE x."kind" = 'CONSTRUCTION_START'),
            max(x."plannedSince") FILTER (WHERE x."kind" = 'COMPLETION'),
            max(x."plannedSince") FILTER (WHERE x."kind" = 'PRODUCTION'),
            max(x."plannedSince") FILTER (WHERE x."kind" = 'FULL_PRODUCTION')] AS since,
      ARRAY[max(x."actualOn") FILTER (WHERE x."kind" = 'REGISTERED'),
            max(x."actualOn") FILTER (WHERE x."kind" = 'LAND_HANDOVER'),
            max(x."actualOn") FILTER (WHERE x."kind" = 'CONSTRUCTION_START'),
            max(x."actualOn") FILTER (WHERE x."kind" = 'COMPLETION'),
            max(x."actualOn") FILTER (WHERE x."kind" = 'PRODUCTION'),
            max(x."actualOn") FILTER (WHERE x."kind" = 'FULL_PRODUCTION')] AS actuals
    FROM "ProjectMilestone" x WHERE x."projectId" = target.id
  ) m ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(d.day ORDER BY d.day) AS days, array_agg(d.running ORDER BY d.day) AS running
    FROM (
      SELECT y."paidOn" AS day, sum(sum(y."amount")) OVER (ORDER BY y."paidOn") AS running
      FROM "ProjectFunding" y WHERE y."projectId" = target.id GROUP BY y."paidOn"
    ) d
  ) f ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(d.day ORDER BY d.day) AS days, array_agg(d.running ORDER BY d.day) AS running
    FROM (
      SELECT z."dueOn" AS day, sum(sum(z."amount")) OVER (ORDER BY z."dueOn") AS running
      FROM "ProjectFundingPlan" z WHERE z."projectId" = target.id GROUP BY z."dueOn"
    ) d
  ) s ON true
  WHERE p."id" = target.id;
$function$;

-- prisma/sql/project_facts.sql
-- Keeps the delivery report's copy on Project (project_facts_refresh) equal to the rows it copies: after every
-- statement that writes milestones, payments or the schedule, the projects it touched are worked out again.
-- One trigger per table and kind of statement, since a trigger with transition tables takes one event.
CREATE OR REPLACE FUNCTION public.project_facts()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM project_facts_refresh(ARRAY(SELECT DISTINCT o."projectId" FROM gone o));
  ELSE
    PERFORM project_facts_refresh(ARRAY(SELECT DISTINCT n."projectId" FROM written n));
  END IF;
  RETURN NULL;
END
$function$;

DROP TRIGGER IF EXISTS "ProjectMilestone_facts_insert" ON public."ProjectMilestone";
CREATE TRIGGER "ProjectMilestone_facts_insert" AFTER INSERT ON public."ProjectMilestone"
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION project_facts();
DROP TRIGGER IF EXISTS "ProjectMilestone_facts_update" ON public."ProjectMilestone";
CREATE TRIGGER "ProjectMilestone_facts_update" AFTER UPDATE ON public."ProjectMilestone"
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION project_facts();
DROP TRIGGER IF EXISTS "ProjectMilestone_facts_delete" ON public."ProjectMilestone";
CREATE TRIGGER "ProjectMilestone_facts_delete" AFTER DELETE ON public."ProjectMilestone"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION project_facts();
DROP TRIGGER IF EXISTS "ProjectFunding_facts_insert" ON public."ProjectFunding";
CREATE TRIGGER "ProjectFunding_facts_insert" AFTER INSERT ON public."ProjectFunding"
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION project_facts();
DROP TRIGGER IF EXISTS "ProjectFunding_facts_update" ON public."ProjectFunding";
CREATE TRIGGER "ProjectFunding_facts_update" AFTER UPDATE ON public."ProjectFunding"
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION project_facts();
DROP TRIGGER IF EXISTS "ProjectFunding_facts_delete" ON public."ProjectFunding";
CREATE TRIGGER "ProjectFunding_facts_delete" AFTER DELETE ON public."ProjectFunding"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION project_facts();
DROP TRIGGER IF EXISTS "ProjectFundingPlan_facts_insert" ON public."ProjectFundingPlan";
CREATE TRIGGER "ProjectFundingPlan_facts_insert" AFTER INSERT ON public."ProjectFundingPlan"
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION project_facts();
DROP TRIGGER IF EXISTS "ProjectFundingPlan_facts_update" ON public."ProjectFundingPlan";
CREATE TRIGGER "ProjectFundingPlan_facts_update" AFTER UPDATE ON public."ProjectFundingPlan"
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION project_facts();
DROP TRIGGER IF EXISTS "ProjectFundingPlan_facts_delete" ON public."ProjectFundingPlan";
CREATE TRIGGER "ProjectFundingPlan_facts_delete" AFTER DELETE ON public."ProjectFundingPlan"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION project_facts();

-- prisma/sql/report_further.sql
-- Of two stages, the one further along the pipeline; lost stages and unknown keys count as not reached.
-- PL/pgSQL rather than SQL: it runs from triggers on every lead write, and a SQL function with a FROM is
-- neither inlined nor plan-cached there, so it was planned again on every call (0.31 → 0.16 ms an inquiry).
CREATE OR REPLACE FUNCTION public.report_further(a text, b text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
AS $function$
BEGIN
  RETURN (SELECT s."key" FROM "Stage" s WHERE s."key" IN (a, b) AND s."category" <> 'LOST' ORDER BY s."position" DESC LIMIT 1);
END
$function$;

-- prisma/sql/report_period.sql
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

-- prisma/sql/report_inquiry_cells.sql
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

-- prisma/sql/report_minutes.sql
-- Whole minutes, rounded up, of a span: what medians are taken over (a reply in 60 min 0.5 s is not within the hour).
CREATE OR REPLACE FUNCTION public.report_minutes(seconds numeric)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT GREATEST(ceil(seconds / 60), 0)::int
$function$;

-- prisma/sql/report_referrer_host.sql
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

-- prisma/sql/report_lead_cells.sql
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

-- prisma/sql/report_lead_facts.sql
-- Keeps Lead.reachedStageKey, Lead.stayStageKeys and Lead.staySeconds. How far a lead got only grows: every
-- write keeps the further of what it had and where it stands. A move completes the stay in the stage it
-- leaves, timed by the stage-change instants.
CREATE OR REPLACE FUNCTION public.report_lead_facts()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF current_setting('parklead.recount', true) = 'on' THEN RETURN NEW; END IF;
  NEW."reachedStageKey" := COALESCE(report_further(NEW."reachedStageKey", NEW."stageKey"), NEW."reachedStageKey");
  IF TG_OP = 'UPDATE' AND NEW."stageKey" IS DISTINCT FROM OLD."stageKey" THEN
    NEW."stayStageKeys" := NEW."stayStageKeys" || OLD."stageKey";
    NEW."staySeconds" := NEW."staySeconds" || GREATEST(round(EXTRACT(EPOCH FROM NEW."stageChangedAt" - OLD."stageChangedAt")), 0)::int;
  END IF;
  RETURN NEW;
END
$function$;

DROP TRIGGER IF EXISTS "Lead_facts" ON public."Lead";
CREATE TRIGGER "Lead_facts" BEFORE INSERT OR UPDATE OF "stageKey", "reachedStageKey" ON public."Lead"
  FOR EACH ROW EXECUTE FUNCTION report_lead_facts();

-- prisma/sql/report_merge_facts.sql
-- A lead merged into another hands its report facts to the survivor, which now holds its history and
-- inquiries: the survivor got as far as either did, holds both leads' completed stays and counts both
-- leads' inquiries. Kept in the database with the other facts, whatever code merges.
CREATE OR REPLACE FUNCTION public.report_merge_facts()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF current_setting('parklead.recount', true) = 'on' THEN RETURN NULL; END IF;
  UPDATE "Lead" s SET
    "reachedStageKey" = COALESCE(report_further(s."reachedStageKey", NEW."reachedStageKey"), s."reachedStageKey"),
    "stayStageKeys" = s."stayStageKeys" || NEW."stayStageKeys",
    "staySeconds" = s."staySeconds" || NEW."staySeconds",
    "inquiryCount" = s."inquiryCount" + NEW."inquiryCount"
  WHERE s."id" = NEW."mergedIntoId";
  RETURN NULL;
END
$function$;

DROP TRIGGER IF EXISTS "Lead_merged" ON public."Lead";
CREATE TRIGGER "Lead_merged" AFTER UPDATE OF "mergedIntoId" ON public."Lead"
  FOR EACH ROW WHEN (OLD."mergedIntoId" IS NULL AND NEW."mergedIntoId" IS NOT NULL) EXECUTE FUNCTION report_merge_facts();

-- prisma/sql/report_reached_now.sql
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

-- prisma/sql/report_tally_upsert.sql
-- The statement that adds up cells and adds what did not cancel out to the tallies, in key order so two
-- folds lock the rows they share in the same order.
CREATE OR REPLACE FUNCTION public.report_tally_upsert(cells text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT format($sql$
    INSERT INTO "ReportTally" AS t
    SELECT "event", "grain", "period", "ownerId", "parkId", "needKind", "source", "listingId", "industry", "medium", "referrerHost",
      "stageKey", "reachedKey", "archived", "minutes", "inDay", sum("leads"), sum("inquiries"), sum("signedTax"), sum("expectedTax"),
      sum("investment"), sum("areaSqm"), sum("areaMu"), sum("seconds")
    FROM (%s) c
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
    HAVING sum("leads") <> 0 OR sum("inquiries") <> 0 OR sum("signedTax") <> 0 OR sum("expectedTax") <> 0 OR sum("investment") <> 0
      OR sum("areaSqm") <> 0 OR sum("areaMu") <> 0 OR sum("seconds") <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
    ON CONFLICT ("event", "grain", "period", "ownerId", "parkId", "needKind", "source", "listingId", "industry", "medium", "referrerHost",
      "stageKey", "reachedKey", "archived", "minutes", "inDay") DO UPDATE SET
      "leads" = t."leads" + EXCLUDED."leads", "inquiries" = t."inquiries" + EXCLUDED."inquiries",
      "signedTax" = t."signedTax" + EXCLUDED."signedTax", "expectedTax" = t."expectedTax" + EXCLUDED."expectedTax",
      "investment" = t."investment" + EXCLUDED."investment", "areaSqm" = t."areaSqm" + EXCLUDED."areaSqm", "areaMu" = t."areaMu" + EXCLUDED."areaMu",
      "seconds" = t."seconds" + EXCLUDED."seconds"
  $sql$, cells)
$function$;

-- prisma/sql/report_tally_rebuild.sql
-- Counts every tally afresh from the leads and inquiries as they are.
CREATE OR REPLACE FUNCTION public.report_tally_rebuild()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM set_config('parklead.recount', 'on', true);
  DELETE FROM "ReportTallyDelta";
  DELETE FROM "ReportTally";
  EXECUTE report_tally_upsert('SELECT c.* FROM "Lead" r, report_lead_cells(r, 1) c UNION ALL SELECT c.* FROM "Inquiry" r, report_inquiry_cells(r, 1) c');
  PERFORM set_config('parklead.recount', 'off', true);
END
$function$;

-- prisma/sql/report_recount.sql
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

-- prisma/sql/report_tally.sql
-- Keeps ReportTallyDelta: every insert, update and delete of leads and inquiries appends what it changed in
-- the tallies. Statement-level, with the rows the statement changed: one append per statement, however many
-- rows, in plain SQL so its plans are kept. report_recount sets parklead.recount while it rebuilds the
-- tallies whole.
CREATE OR REPLACE FUNCTION public.report_tally()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF current_setting('parklead.recount', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_TABLE_NAME = 'Lead' AND TG_OP = 'UPDATE' THEN
    -- Most updates change nothing the reports count: the old and new cells cancel and nothing is appended.
    INSERT INTO "ReportTallyDelta"
    SELECT "event", "grain", "period", "ownerId", "parkId", "needKind", "source", "listingId", "industry", "medium", "referrerHost",
      "stageKey", "reachedKey", "archived", "minutes", "inDay", sum("leads"), sum("inquiries"), sum("signedTax"), sum("expectedTax"),
      sum("investment"), sum("areaSqm"), sum("areaMu"), sum("seconds")
    FROM (SELECT c.* FROM new_rows r, report_lead_cells(r, 1) c UNION ALL SELECT c.* FROM old_rows r, report_lead_cells(r, -1) c) c
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
    HAVING sum("leads") <> 0 OR sum("inquiries") <> 0 OR sum("signedTax") <> 0 OR sum("expectedTax") <> 0 OR sum("investment") <> 0
      OR sum("areaSqm") <> 0 OR sum("areaMu") <> 0 OR sum("seconds") <> 0;
  ELSIF TG_TABLE_NAME = 'Lead' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO "ReportTallyDelta" SELECT c.* FROM new_rows r, report_lead_cells(r, 1) c;
    ELSE
      INSERT INTO "ReportTallyDelta" SELECT c.* FROM old_rows r, report_lead_cells(r, -1) c;
    END IF;
  ELSE
    -- An inquiry's cells depend on the inquiry alone: a merge re-pointing it appends a pair that cancels.
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO "ReportTallyDelta" SELECT c.* FROM new_rows r, report_inquiry_cells(r, 1) c;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      INSERT INTO "ReportTallyDelta" SELECT c.* FROM old_rows r, report_inquiry_cells(r, -1) c;
    END IF;
  END IF;
  RETURN NULL;
END
$function$;

DROP TRIGGER IF EXISTS "Inquiry_tally_delete" ON public."Inquiry";
CREATE TRIGGER "Inquiry_tally_delete" AFTER DELETE ON public."Inquiry"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();

DROP TRIGGER IF EXISTS "Inquiry_tally_insert" ON public."Inquiry";
CREATE TRIGGER "Inquiry_tally_insert" AFTER INSERT ON public."Inquiry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();

DROP TRIGGER IF EXISTS "Inquiry_tally_update" ON public."Inquiry";
CREATE TRIGGER "Inquiry_tally_update" AFTER UPDATE ON public."Inquiry"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();

DROP TRIGGER IF EXISTS "Lead_tally_delete" ON public."Lead";
CREATE TRIGGER "Lead_tally_delete" AFTER DELETE ON public."Lead"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();

DROP TRIGGER IF EXISTS "Lead_tally_insert" ON public."Lead";
CREATE TRIGGER "Lead_tally_insert" AFTER INSERT ON public."Lead"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();

DROP TRIGGER IF EXISTS "Lead_tally_update" ON public."Lead";
CREATE TRIGGER "Lead_tally_update" AFTER UPDATE ON public."Lead"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();

-- prisma/sql/report_tally_fold.sql
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
