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
 * The milestones, payments and schedule rows are summed per project in one pass over their union (one
 * aggregate and one join instead of three of each), and each part is materialized: the planner cannot see how
 * many projects a union or a lateral yields, and its guesses chose sorts over hashes.
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
export function deliveryScopeSql(filter: ReportFilter, viewer: Viewer): { sql: Prisma.Sql; narrowed: boolean } {
  const conditions = [visibleProjectSql(viewer, "p")];
  if (filter.park) conditions.push(Prisma.sql`p."parkId" = ${filter.park}`);
  if (filter.owner && managesProjects(viewer)) conditions.push(Prisma.sql`p."ownerId" = ${filter.owner}`);
  return { sql: Prisma.join(conditions, " AND "), narrowed: conditions.length > 1 || !managesProjects(viewer) };
}

const flag = (condition: Prisma.Sql) => Prisma.sql`(${condition})::int`;

export function deliveryFiguresSql(
  view: DeliveryView,
  scope: { sql: Prisma.Sql; narrowed: boolean },
  rules: DeliverySettings,
): Prisma.Sql {
  const at = Prisma.sql`${view.at.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;
  const day = Prisma.sql`${view.day}::date`;
  const counted = Prisma.sql`p."signedAt" <= ${at} AND (p."status" = 'ACTIVE' OR p."terminatedAt" > ${at})
    AND ${scope.sql}`;
  const kind = (name: string) => Prisma.sql`m."kind" = ${name}::"MilestoneKind"`;
  // A narrow view (an officer, a park) reads the rows of its own projects only; the whole workspace reads every
  // row, and the counted projects are picked when the facts are joined to them.
  const ofCounted = (alias: string) =>
    scope.narrowed
      ? Prisma.sql`AND ${Prisma.raw(`"${alias}"."projectId"`)} IN (SELECT p."id" FROM "Project" p WHERE ${counted})`
      : Prisma.empty;
  // 亩均 in double precision, rounded as lib/projects/evaluation.ts rounds (Math.round(x × 10ⁿ) ÷ 10ⁿ), so a
  // project's class here is the class its page shows.
  const weight = Prisma.sql`(${rules.taxWeight}::float8 / 100)`;
  const perMu = (figure: string) =>
    Prisma.sql`CASE WHEN p."landMu" > 0
      THEN floor(${Prisma.raw(`y."${figure}"`)}::float8 / p."landMu"::float8 * 100 + 0.5) / 100 END`;
  return Prisma.sql`
    WITH facts AS MATERIALIZED (
      SELECT x."projectId", sum(x."startDone")::int AS "startDone", sum(x."startDue")::int AS "startDue",
        sum(x."productionDone")::int AS "productionDone", sum(x."productionDue")::int AS "productionDue",
        sum(x."fullDone")::int AS "fullDone", sum(x."fullDue")::int AS "fullDue", sum(x."late")::int AS "late",
        sum(x."paid") AS "paid", sum(x."scheduled") AS "scheduled"
      FROM (
        SELECT m."projectId",
          ${flag(Prisma.sql`${kind("CONSTRUCTION_START")} AND m."done"`)} AS "startDone",
          ${flag(Prisma.sql`${kind("CONSTRUCTION_START")} AND (m."done" OR m."plan" <= ${day})`)} AS "startDue",
          ${flag(Prisma.sql`${kind("PRODUCTION")} AND m."done"`)} AS "productionDone",
          ${flag(Prisma.sql`${kind("PRODUCTION")} AND (m."done" OR m."plan" <= ${day})`)} AS "productionDue",
          ${flag(Prisma.sql`${kind("FULL_PRODUCTION")} AND m."done"`)} AS "fullDone",
          ${flag(Prisma.sql`${kind("FULL_PRODUCTION")} AND (m."done" OR m."plan" <= ${day})`)} AS "fullDue",
          ${flag(Prisma.sql`m."plan" < ${day} AND NOT m."done"`)} AS "late",
          NULL::float8 AS "paid", NULL::float8 AS "scheduled"
        FROM (
          SELECT m."projectId", m."kind", COALESCE(m."actualOn" <= ${day}, false) AS "done",
            ${planInForceSql(view.at, "m")} AS "plan"
          FROM "ProjectMilestone" m
          -- the other milestones matter only while open at the day: a done one is never late
          WHERE (m."kind" IN ('CONSTRUCTION_START', 'PRODUCTION', 'FULL_PRODUCTION') OR m."actualOn" IS NULL
            OR m."actualOn" > ${day}) ${ofCounted("m")}
        ) m
        UNION ALL
        SELECT f."projectId", 0, 0, 0, 0, 0, 0, 0, f."amount"::float8, NULL
        FROM "ProjectFunding" f WHERE f."paidOn" <= ${day} ${ofCounted("f")}
        UNION ALL
        SELECT s."projectId", 0, 0, 0, 0, 0, 0, 0, NULL, s."amount"::float8
        FROM "ProjectFundingPlan" s WHERE s."dueOn" <= ${day} ${ofCounted("s")}
      ) x
      GROUP BY x."projectId"
    ),
    evaluated AS MATERIALIZED (
      SELECT e."id", e."tax", e."output", e."taxPerMu", e."outputPerMu",
        CASE WHEN e."index" IS NULL THEN '-'
          WHEN e."index" >= ${rules.classA}::float8 THEN 'A' WHEN e."index" >= ${rules.classB}::float8 THEN 'B'
          WHEN e."index" >= ${rules.classC}::float8 THEN 'C' ELSE 'D' END AS "grade"
      FROM (
        SELECT r.*, CASE WHEN r."taxPerMu" IS NOT NULL AND r."outputPerMu" IS NOT NULL
            AND r."taxYardstick" > 0 AND r."outputYardstick" > 0
          THEN floor(100 * (${weight} * (r."taxPerMu" / r."taxYardstick")
            + (1 - ${weight}) * (r."outputPerMu" / r."outputYardstick")) * 10 + 0.5) / 10 END AS "index"
        FROM (
          SELECT p."id", y."tax"::float8 AS "tax", y."output"::float8 AS "output",
            ${perMu("tax")} AS "taxPerMu", ${perMu("output")} AS "outputPerMu",
            COALESCE(k."benchmarkTaxPerMu"::float8, ${rules.taxPerMu}::float8) AS "taxYardstick",
            COALESCE(k."benchmarkOutputPerMu"::float8, ${rules.outputPerMu}::float8) AS "outputYardstick"
          FROM "Project" p
          JOIN "ProjectYear" y ON y."projectId" = p."id" AND y."year" = ${view.year}::int
          LEFT JOIN "Park" k ON k."id" = p."parkId"
          WHERE ${counted}
        ) r
      ) e
    ),
    projects AS (
      SELECT p."id", p."parkId", p."ownerId", p."industry", p."totalInvestment"::float8 AS "totalInvestment",
        p."annualTax"::float8 AS "annualTax", p."annualOutput"::float8 AS "annualOutput",
        p."intakeScore", EXTRACT(YEAR FROM p."signedAt" + interval '8 hours')::int AS "signedYear",
        COALESCE(m."startDone", 0) AS "startDone", COALESCE(m."startDue", 0) AS "startDue",
        COALESCE(m."productionDone", 0) AS "productionDone", COALESCE(m."productionDue", 0) AS "productionDue",
        COALESCE(m."fullDone", 0) AS "fullDone", COALESCE(m."fullDue", 0) AS "fullDue",
        COALESCE(m."late", 0) AS "late", m."paid", m."scheduled",
        e."id" IS NOT NULL AS "evaluated", e."tax", e."output", e."taxPerMu", e."outputPerMu",
        COALESCE(e."grade", 'none') AS "grade"
      FROM "Project" p
      LEFT JOIN facts m ON m."projectId" = p."id"
      LEFT JOIN evaluated e ON e."id" = p."id"
      WHERE ${counted}
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
      sum(p."totalInvestment") AS "committed",
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
