import "server-only";
import { Prisma } from "../../db/generated/client";
import type { Viewer } from "../../auth/session";
import { managesProjects, visibleProjectSql } from "../../projects/access";
import { planInForceSql } from "../../projects/plan";
import type { DeliverySettings } from "../../settings/schema";
import type { ReportFilter } from "../filters";
import type { DeliveryView } from "./view";

/*
 * The delivery report's figures in one statement: the projects counted as of day D, each reduced to one row
 * (its milestones as of D, 到资 by D, the evaluation year's actuals and 亩均 class), then summed over GROUPING
 * SETS — all, per park, per officer, per industry, per signing year, per class — so 50,000 projects never
 * leave the database. Definitions (lib/projects/plan.ts, common to the warnings):
 * - counted: signed by the end of D, and active or terminated after it;
 * - milestone k done: actualOn ≤ D; due: the plan in force at the end of D is ≤ D; rate = done ÷ (due or done);
 * - late at D: the plan in force before D and not done by D;
 * - 到资: payments made by D over the commitment (totalInvestment) of the projects that have one, and over the
 *   schedule's amounts due by D of the projects with something due;
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

const milestone = (kind: string, what: "done" | "due") =>
  what === "done"
    ? Prisma.sql`count(*) FILTER (WHERE m."kind" = ${kind}::"MilestoneKind" AND m."done")`
    : Prisma.sql`count(*) FILTER (WHERE m."kind" = ${kind}::"MilestoneKind" AND (m."done" OR m."plan" <= m."day"))`;

export function deliveryFiguresSql(view: DeliveryView, scope: Prisma.Sql, rules: DeliverySettings): Prisma.Sql {
  const at = view.at.toISOString();
  const day = Prisma.sql`${view.day}::date`;
  const weight = Prisma.sql`(${rules.taxWeight}::numeric / 100)`;
  return Prisma.sql`
    WITH counted AS (
      SELECT p."id", p."parkId", p."ownerId", p."industry", p."totalInvestment", p."annualTax", p."annualOutput",
        p."landMu", p."intakeScore",
        EXTRACT(YEAR FROM p."signedAt" + interval '8 hours')::int AS "signedYear"
      FROM "Project" p
      WHERE p."signedAt" <= ${at}::timestamptz AT TIME ZONE 'UTC'
        AND (p."status" = 'ACTIVE' OR p."terminatedAt" > ${at}::timestamptz AT TIME ZONE 'UTC')
        AND ${scope}
    ),
    milestones AS (
      SELECT m."projectId",
        ${milestone("CONSTRUCTION_START", "done")} AS "startDone",
        ${milestone("CONSTRUCTION_START", "due")} AS "startDue",
        ${milestone("PRODUCTION", "done")} AS "productionDone",
        ${milestone("PRODUCTION", "due")} AS "productionDue",
        ${milestone("FULL_PRODUCTION", "done")} AS "fullDone",
        ${milestone("FULL_PRODUCTION", "due")} AS "fullDue",
        count(*) FILTER (WHERE m."plan" < m."day" AND NOT m."done") AS "late"
      FROM (
        SELECT m."projectId", m."kind", ${day} AS "day", COALESCE(m."actualOn" <= ${day}, false) AS "done",
          ${planInForceSql(view.at, "m")} AS "plan"
        FROM "ProjectMilestone" m JOIN counted c ON c."id" = m."projectId"
      ) m
      GROUP BY m."projectId"
    ),
    paid AS (
      SELECT f."projectId", sum(f."amount") AS "paid"
      FROM "ProjectFunding" f JOIN counted c ON c."id" = f."projectId"
      WHERE f."paidOn" <= ${day}
      GROUP BY f."projectId"
    ),
    scheduled AS (
      SELECT s."projectId", sum(s."amount") AS "scheduled"
      FROM "ProjectFundingPlan" s JOIN counted c ON c."id" = s."projectId"
      WHERE s."dueOn" <= ${day}
      GROUP BY s."projectId"
    ),
    evaluated AS (
      SELECT c."id", y."tax", y."output", r."taxPerMu", r."outputPerMu",
        CASE WHEN i."index" IS NULL THEN '-'
          WHEN i."index" >= ${rules.classA}::numeric THEN 'A' WHEN i."index" >= ${rules.classB}::numeric THEN 'B'
          WHEN i."index" >= ${rules.classC}::numeric THEN 'C' ELSE 'D' END AS "grade"
      FROM counted c
      JOIN "ProjectYear" y ON y."projectId" = c."id" AND y."year" = ${view.year}::int
      LEFT JOIN "Park" k ON k."id" = c."parkId"
      CROSS JOIN LATERAL (
        SELECT CASE WHEN c."landMu" > 0 THEN round(y."tax" / c."landMu", 2) END AS "taxPerMu",
          CASE WHEN c."landMu" > 0 THEN round(y."output" / c."landMu", 2) END AS "outputPerMu",
          COALESCE(k."benchmarkTaxPerMu", ${rules.taxPerMu}::numeric) AS "taxYardstick",
          COALESCE(k."benchmarkOutputPerMu", ${rules.outputPerMu}::numeric) AS "outputYardstick"
      ) r
      CROSS JOIN LATERAL (
        SELECT CASE WHEN r."taxPerMu" IS NOT NULL AND r."outputPerMu" IS NOT NULL
            AND r."taxYardstick" > 0 AND r."outputYardstick" > 0
          THEN round(100 * (${weight} * (r."taxPerMu" / r."taxYardstick")
            + (1 - ${weight}) * (r."outputPerMu" / r."outputYardstick")), 1) END AS "index"
      ) i
    ),
    projects AS (
      SELECT c.*, COALESCE(m."startDone", 0) AS "startDone", COALESCE(m."startDue", 0) AS "startDue",
        COALESCE(m."productionDone", 0) AS "productionDone", COALESCE(m."productionDue", 0) AS "productionDue",
        COALESCE(m."fullDone", 0) AS "fullDone", COALESCE(m."fullDue", 0) AS "fullDue",
        COALESCE(m."late", 0) AS "late", pd."paid", sc."scheduled",
        e."id" IS NOT NULL AS "evaluated", e."tax", e."output", e."taxPerMu", e."outputPerMu",
        COALESCE(e."grade", 'none') AS "grade"
      FROM counted c
      LEFT JOIN milestones m ON m."projectId" = c."id"
      LEFT JOIN paid pd ON pd."projectId" = c."id"
      LEFT JOIN scheduled sc ON sc."projectId" = c."id"
      LEFT JOIN evaluated e ON e."id" = c."id"
    )
    SELECT
      CASE WHEN GROUPING(p."parkId") = 0 THEN 'park' WHEN GROUPING(p."ownerId") = 0 THEN 'owner'
        WHEN GROUPING(p."industry") = 0 THEN 'industry' WHEN GROUPING(p."signedYear") = 0 THEN 'signedYear'
        WHEN GROUPING(p."grade") = 0 THEN 'grade' ELSE 'all' END AS "dimension",
      p."parkId", p."ownerId", p."industry", p."signedYear", p."grade",
      count(*)::int AS "projects",
      sum(p."startDone")::int AS "startDone", sum(p."startDue")::int AS "startDue",
      sum(p."productionDone")::int AS "productionDone", sum(p."productionDue")::int AS "productionDue",
      sum(p."fullDone")::int AS "fullDone", sum(p."fullDue")::int AS "fullDue",
      sum(p."late")::int AS "late", (count(*) FILTER (WHERE p."late" > 0))::int AS "projectsLate",
      sum(p."totalInvestment")::float8 AS "committed",
      (sum(COALESCE(p."paid", 0)) FILTER (WHERE p."totalInvestment" IS NOT NULL))::float8 AS "paid",
      sum(p."scheduled")::float8 AS "scheduled",
      (sum(COALESCE(p."paid", 0)) FILTER (WHERE p."scheduled" IS NOT NULL))::float8 AS "paidOfScheduled",
      (count(*) FILTER (WHERE p."evaluated"))::int AS "evaluated",
      (sum(p."annualTax") FILTER (WHERE p."evaluated"))::float8 AS "promisedTax",
      sum(p."tax")::float8 AS "actualTax",
      (sum(p."annualOutput") FILTER (WHERE p."evaluated"))::float8 AS "promisedOutput",
      sum(p."output")::float8 AS "actualOutput",
      (count(*) FILTER (WHERE p."grade" = 'A'))::int AS "gradeA",
      (count(*) FILTER (WHERE p."grade" = 'B'))::int AS "gradeB",
      (count(*) FILTER (WHERE p."grade" = 'C'))::int AS "gradeC",
      (count(*) FILTER (WHERE p."grade" = 'D'))::int AS "gradeD",
      (count(*) FILTER (WHERE p."grade" = '-'))::int AS "unclassed",
      avg(p."intakeScore")::float8 AS "intakeScore",
      avg(p."taxPerMu")::float8 AS "taxPerMu",
      avg(p."outputPerMu")::float8 AS "outputPerMu"
    FROM projects p
    GROUP BY GROUPING SETS ((), (p."parkId"), (p."ownerId"), (p."industry"), (p."signedYear"), (p."grade"))`;
}
