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
