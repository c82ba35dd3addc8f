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
