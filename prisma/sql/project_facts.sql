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
