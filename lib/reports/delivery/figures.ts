import "server-only";
import { Prisma } from "../../db/generated/client";
import type { Viewer } from "../../auth/session";
import { managesProjects, visibleProjectSql } from "../../projects/access";
import { MILESTONE_KINDS } from "../../projects/types";
import type { DeliverySettings } from "../../settings/schema";
import type { ReportFilter } from "../filters";
import type { DeliveryView } from "./view";

/*
 * The delivery report's figures in one statement: the projects counted as of day D, each one row — its
 * milestones, 到资 and schedule read from the copy kept on the project's own row (Project's @ignore columns,
 * prisma/sql/project_facts_refresh.sql), its evaluation year's actuals and 亩均 class — then summed over GROUPING
 * SETS: all, per park, per officer, per industry, per signing year, per class. 50,000 projects are one scan of
 * "Project"; no milestone, payment or schedule row is read except a milestone's plan history when it was
 * re-planned after D. Definitions (lib/projects/plan.ts, common to the warnings):
 * - counted: signed by the end of D, and active or terminated after it;
 * - milestone k done: actualOn ≤ D; due: the plan in force at the end of D is ≤ D; rate = done ÷ (due or done);
 * - late at D: the plan in force before D and not done by D;
 * - 到资: payments made by D over the commitment (totalInvestment) of the projects that have one, and over the
 *   schedule's amounts due by D of the projects with something due — each the running total at the last day ≤ D,
 *   found by binary search (width_bucket) in the project's days;
 * - evaluation year: the projects with that year's row; promised is their annualTax/annualOutput, actual the
 *   row's tax/output; the class is lib/projects/evaluation.ts evaluateYear worked in SQL with the park's
 *   yardsticks or the rules' (Setting "delivery").
 */

export interface FigureRow {
  /** which grouping set the row sums: all, park, owner, industry, signedYear, grade */
  dimension: "all" | "park" | "owner" | "industry" | "signedYear" | "grade";
  parkId: string | null;
  ownerId: string | null;
  industry: string | null;
  signedYear: number | null;
  /** A–D, "-" for an evaluated project not classed, "none" for a project without the year's row */
  grade: string | null;
  projects: number;
  startDone: number;
  startDue: number;
  productionDone: number;
  productionDue: number;
  fullDone: number;
  fullDue: number;
  late: number;
  projectsLate: number;
  committed: number | null;
  paid: number | null;
  scheduled: number | null;
  paidOfScheduled: number | null;
  evaluated: number;
  promisedTax: number | null;
  actualTax: number | null;
  promisedOutput: number | null;
  actualOutput: number | null;
  gradeA: number;
  gradeB: number;
  gradeC: number;
  gradeD: number;
  unclassed: number;
  intakeScore: number | null;
  taxPerMu: number | null;
  outputPerMu: number | null;
}

/** The projects the view covers, over "Project" aliased p: the viewer's scope, the park, a manager's officer. */
export function deliveryScopeSql(filter: ReportFilter, viewer: Viewer): Prisma.Sql {
  const conditions = [visibleProjectSql(viewer, "p")];
  if (filter.park) conditions.push(Prisma.sql`p."parkId" = ${filter.park}`);
  if (filter.owner && managesProjects(viewer)) conditions.push(Prisma.sql`p."ownerId" = ${filter.owner}`);
  return Prisma.join(conditions, " AND ");
}

/** 1 or 0: an unknown (an unplanned milestone) counts as 0, so a sum of flags never turns null. */
const flag = (condition: Prisma.Sql) => Prisma.sql`COALESCE((${condition})::int, 0)`;

/** The plan in force at `at` of milestone `index` (1-based, MilestoneKind order) of project p, from its row's copy. */
function planOf(index: number, at: Prisma.Sql): Prisma.Sql {
  const since = Prisma.raw(`p."milestonePlanSince"[${index}]`);
  return Prisma.sql`CASE WHEN ${since} IS NULL THEN NULL::date
    WHEN ${since} <= ${at} THEN ${Prisma.raw(`p."milestonePlans"[${index}]`)}
    ELSE (SELECT c."plannedOn" FROM "MilestonePlanChange" c
          WHERE c."projectId" = p."id" AND c."kind" = ${MILESTONE_KINDS[index - 1]}::"MilestoneKind"
            AND c."effectiveAt" <= ${at}
          ORDER BY c."effectiveAt" DESC LIMIT 1) END`;
}

export function deliveryFiguresSql(view: DeliveryView, scope: Prisma.Sql, rules: DeliverySettings): Prisma.Sql {
  const at = Prisma.sql`${view.at.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;
  const day = Prisma.sql`${view.day}::date`;
  const counted = Prisma.sql`p."signedAt" <= ${at} AND (p."status" = 'ACTIVE' OR p."terminatedAt" > ${at})
    AND ${scope}`;
  const indexes = MILESTONE_KINDS.map((_, i) => i + 1);
  const column = (name: string) => Prisma.raw(`f."${name}"`);
  const isDone = (index: number) => Prisma.sql`COALESCE(${column(`actual${index}`)} <= ${day}, false)`;
  const due = (index: number) => Prisma.sql`(${isDone(index)} OR ${column(`plan${index}`)} <= ${day})`;
  const start = MILESTONE_KINDS.indexOf("CONSTRUCTION_START") + 1;
  const production = MILESTONE_KINDS.indexOf("PRODUCTION") + 1;
  const full = MILESTONE_KINDS.indexOf("FULL_PRODUCTION") + 1;
  const late = Prisma.join(
    indexes.map((i) => flag(Prisma.sql`${column(`plan${i}`)} < ${day} AND NOT ${isDone(i)}`)),
    " + ",
  );
  // 亩均 in double precision, rounded as lib/projects/evaluation.ts rounds (Math.round(x × 10ⁿ) ÷ 10ⁿ), so a
  // project's class here is the class its page shows.
  const weight = Prisma.sql`(${rules.taxWeight}::float8 / 100)`;
  const perMu = (figure: string) =>
    Prisma.sql`CASE WHEN p."landMu" > 0
      THEN floor(${Prisma.raw(`y."${figure}"`)}::float8 / p."landMu"::float8 * 100 + 0.5) / 100 END`;
  const runningBy = (days: string, running: string) =>
    Prisma.sql`${Prisma.raw(`p."${running}"`)}[width_bucket(${day}, ${Prisma.raw(`p."${days}"`)})]::float8`;
  return Prisma.sql`
    WITH facts AS MATERIALIZED (
      SELECT p."id", p."parkId", p."ownerId", p."industry", p."totalInvestment"::float8 AS "totalInvestment",
        p."annualTax"::float8 AS "annualTax", p."annualOutput"::float8 AS "annualOutput", p."intakeScore",
        EXTRACT(YEAR FROM p."signedAt" + interval '8 hours')::int AS "signedYear",
        ${Prisma.join(
          indexes.map((i) => Prisma.sql`${planOf(i, at)} AS ${Prisma.raw(`"plan${i}"`)}`),
          ", ",
        )},
        ${Prisma.join(
          indexes.map((i) => Prisma.sql`${Prisma.raw(`p."milestoneActuals"[${i}] AS "actual${i}"`)}`),
          ", ",
        )},
        ${runningBy("fundingDays", "fundingRunning")} AS "paid",
        ${runningBy("scheduleDays", "scheduleRunning")} AS "scheduled",
        y."id" IS NOT NULL AS "evaluated", y."tax"::float8 AS "tax", y."output"::float8 AS "output",
        ${perMu("tax")} AS "taxPerMu", ${perMu("output")} AS "outputPerMu",
        COALESCE(k."benchmarkTaxPerMu"::float8, ${rules.taxPerMu}::float8) AS "taxYardstick",
        COALESCE(k."benchmarkOutputPerMu"::float8, ${rules.outputPerMu}::float8) AS "outputYardstick"
      FROM "Project" p
      LEFT JOIN "ProjectYear" y ON y."projectId" = p."id" AND y."year" = ${view.year}::int
      LEFT JOIN "Park" k ON k."id" = p."parkId"
      WHERE ${counted}
    ),
    projects AS (
      SELECT f.*,
        ${flag(isDone(start))} AS "startDone", ${flag(due(start))} AS "startDue",
        ${flag(isDone(production))} AS "productionDone", ${flag(due(production))} AS "productionDue",
        ${flag(isDone(full))} AS "fullDone", ${flag(due(full))} AS "fullDue",
        ${late} AS "late",
        CASE WHEN NOT f."evaluated" THEN 'none' WHEN f."index" IS NULL THEN '-'
          WHEN f."index" >= ${rules.classA}::float8 THEN 'A' WHEN f."index" >= ${rules.classB}::float8 THEN 'B'
          WHEN f."index" >= ${rules.classC}::float8 THEN 'C' ELSE 'D' END AS "grade"
      FROM (
        SELECT f.*, CASE WHEN f."taxPerMu" IS NOT NULL AND f."outputPerMu" IS NOT NULL
            AND f."taxYardstick" > 0 AND f."outputYardstick" > 0
          THEN floor(100 * (${weight} * (f."taxPerMu" / f."taxYardstick")
            + (1 - ${weight}) * (f."outputPerMu" / f."outputYardstick")) * 10 + 0.5) / 10 END AS "index"
        FROM facts f
      ) f
    ),
    -- One pass sums the projects per combination of every dimension; the grouping sets then add up those
    -- cells (far fewer rows than projects) instead of each aggregating every project again.
    cells AS (
      SELECT p."parkId", p."ownerId", p."industry", p."signedYear", p."grade",
        count(*) AS "projects",
        sum(p."startDone") AS "startDone", sum(p."startDue") AS "startDue",
        sum(p."productionDone") AS "productionDone", sum(p."productionDue") AS "productionDue",
        sum(p."fullDone") AS "fullDone", sum(p."fullDue") AS "fullDue",
        sum(p."late") AS "late", count(*) FILTER (WHERE p."late" > 0) AS "projectsLate",
        sum(p."totalInvestment") AS "committed",
        sum(COALESCE(p."paid", 0)) FILTER (WHERE p."totalInvestment" IS NOT NULL) AS "paid",
        sum(p."scheduled") AS "scheduled",
        sum(COALESCE(p."paid", 0)) FILTER (WHERE p."scheduled" IS NOT NULL) AS "paidOfScheduled",
        count(*) FILTER (WHERE p."evaluated") AS "evaluated",
        sum(p."annualTax") FILTER (WHERE p."evaluated") AS "promisedTax", sum(p."tax") AS "actualTax",
        sum(p."annualOutput") FILTER (WHERE p."evaluated") AS "promisedOutput", sum(p."output") AS "actualOutput",
        sum(p."intakeScore") AS "scoreSum", count(p."intakeScore") AS "scores",
        sum(p."taxPerMu") AS "taxPerMuSum", count(p."taxPerMu") AS "taxPerMus",
        sum(p."outputPerMu") AS "outputPerMuSum", count(p."outputPerMu") AS "outputPerMus"
      FROM projects p
      GROUP BY p."parkId", p."ownerId", p."industry", p."signedYear", p."grade"
    )
    SELECT
      CASE WHEN GROUPING(c."parkId") = 0 THEN 'park' WHEN GROUPING(c."ownerId") = 0 THEN 'owner'
        WHEN GROUPING(c."industry") = 0 THEN 'industry' WHEN GROUPING(c."signedYear") = 0 THEN 'signedYear'
        WHEN GROUPING(c."grade") = 0 THEN 'grade' ELSE 'all' END AS "dimension",
      c."parkId", c."ownerId", c."industry", c."signedYear", c."grade",
      sum(c."projects")::int AS "projects",
      sum(c."startDone")::int AS "startDone", sum(c."startDue")::int AS "startDue",
      sum(c."productionDone")::int AS "productionDone", sum(c."productionDue")::int AS "productionDue",
      sum(c."fullDone")::int AS "fullDone", sum(c."fullDue")::int AS "fullDue",
      sum(c."late")::int AS "late", sum(c."projectsLate")::int AS "projectsLate",
      sum(c."committed") AS "committed", sum(c."paid")::float8 AS "paid",
      sum(c."scheduled")::float8 AS "scheduled", sum(c."paidOfScheduled")::float8 AS "paidOfScheduled",
      sum(c."evaluated")::int AS "evaluated",
      sum(c."promisedTax")::float8 AS "promisedTax", sum(c."actualTax")::float8 AS "actualTax",
      sum(c."promisedOutput")::float8 AS "promisedOutput", sum(c."actualOutput")::float8 AS "actualOutput",
      COALESCE(sum(c."projects") FILTER (WHERE c."grade" = 'A'), 0)::int AS "gradeA",
      COALESCE(sum(c."projects") FILTER (WHERE c."grade" = 'B'), 0)::int AS "gradeB",
      COALESCE(sum(c."projects") FILTER (WHERE c."grade" = 'C'), 0)::int AS "gradeC",
      COALESCE(sum(c."projects") FILTER (WHERE c."grade" = 'D'), 0)::int AS "gradeD",
      COALESCE(sum(c."projects") FILTER (WHERE c."grade" = '-'), 0)::int AS "unclassed",
      (sum(c."scoreSum") / NULLIF(sum(c."scores"), 0))::float8 AS "intakeScore",
      (sum(c."taxPerMuSum") / NULLIF(sum(c."taxPerMus"), 0))::float8 AS "taxPerMu",
      (sum(c."outputPerMuSum") / NULLIF(sum(c."outputPerMus"), 0))::float8 AS "outputPerMu"
    FROM cells c
    GROUP BY GROUPING SETS ((), (c."parkId"), (c."ownerId"), (c."industry"), (c."signedYear"), (c."grade"))`;
}
