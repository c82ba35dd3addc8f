import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { WORKSPACE_ROLES } from "../../leads/access";
import { coversEveryLead, reportLeadsSql, resolveRange, type ReportFilter } from "../filters";
import type { ReportTable } from "../table";

/*
 * Leads lost in the range: counted by the stage change that entered a lost stage within it. A
 * lead lost more than once in the range counts once, by its latest loss there (its reason and the
 * stage it left then), so the three tables each add up to the same number of leads. A lead lost in
 * the range and reopened later still counts: the loss happened then (the funnel shows how far it
 * got). The park chosen instead is not kept on the stage change: it is read from the timeline line
 * the move wrote, or from the lead while that loss is still its latest move.
 */

interface LossRow {
  dimension: "total" | "reason" | "stage" | "park";
  key: string | null;
  name: string | null;
  nameEn: string | null;
  leads: number;
  share: number | null;
}

export async function lossReport(
  db: Database,
  viewer: Viewer | null,
  filter: ReportFilter,
  now = new Date(),
): Promise<ReportTable[]> {
  assertRole(viewer, WORKSPACE_ROLES, "read the reports");
  const range = resolveRange(filter, now);
  // Named, not joined: the stage table is too small for the planner to know, and a join would read every move.
  const lostKeys = (await db.stage.findMany({ where: { category: "LOST" }, select: { key: true } })).map(
    (stage) => stage.key,
  );
  const rows = await db.$queryRaw<LossRow[]>`
    WITH latest AS (
      SELECT DISTINCT ON (c."leadId") c."leadId", c."fromKey", c."lostReasonKey", c."changedAt"
      FROM "StageChange" c
      WHERE c."toKey" = ANY(${lostKeys}::text[])
        AND c."changedAt" >= (${range.from}::timestamptz AT TIME ZONE 'UTC')
        AND c."changedAt" < (${range.to}::timestamptz AT TIME ZONE 'UTC')
        -- A view of every lead needs no lead at all: a merged lead's moves belong to the survivor.
        ${
          coversEveryLead(filter, viewer)
            ? Prisma.empty
            : Prisma.sql`AND c."leadId" IN (SELECT l."id" FROM "Lead" l WHERE ${reportLeadsSql(filter, viewer, "l")})`
        }
      ORDER BY c."leadId", c."changedAt" DESC
    ), losses AS (
      SELECT lo.*, r."askPark",
        CASE WHEN r."askPark" THEN NULLIF(btrim(COALESCE(
          (SELECT a."details"->>'lostToPark' FROM "Activity" a
            WHERE a."leadId" = lo."leadId" AND a."occurredAt" = lo."changedAt" AND a."kind" = 'STAGE'
              AND a."details"->>'lostToPark' IS NOT NULL LIMIT 1),
          (SELECT l."lostToPark" FROM "Lead" l WHERE l."id" = lo."leadId" AND l."stageChangedAt" = lo."changedAt")
        )), '') END AS park
      FROM latest lo LEFT JOIN "LostReason" r ON r."key" = lo."lostReasonKey"
    ), grouped AS (
      SELECT 'reason' AS dimension, "lostReasonKey" AS key, NULL AS park, count(*)::int AS leads FROM losses GROUP BY 2
      UNION ALL
      SELECT 'stage', "fromKey", NULL, count(*)::int FROM losses GROUP BY 2
      UNION ALL
      SELECT 'park', NULL, park, count(*)::int FROM losses WHERE "askPark" GROUP BY 3
      UNION ALL
      SELECT 'total', NULL, NULL, count(*)::int FROM losses
    )
    SELECT g.dimension, g.key, COALESCE(r."name", s."name", g.park) AS "name", COALESCE(r."nameEn",
    s."nameEn") AS "nameEn", g.leads,
      g.leads::float8 / NULLIF((SELECT leads FROM grouped WHERE dimension = 'total'), 0) AS share
    FROM grouped g
    LEFT JOIN "LostReason" r ON g.dimension = 'reason' AND r."key" = g.key
    LEFT JOIN "Stage" s ON g.dimension = 'stage' AND s."key" = g.key
    ORDER BY g.dimension,
      CASE WHEN g.dimension = 'stage' THEN s."position" ELSE -g.leads END,
      r."position", COALESCE(r."name", s."name", g.park) NULLS LAST`;
  const of = (dimension: LossRow["dimension"]) => rows.filter((row) => row.dimension === dimension);
  return [
    {
      key: "reports.tables.lossTotal",
      columns: [{ key: "leads", label: "reports.columns.lost", kind: "count" }],
      rows: of("total").map((row) => ({ leads: row.leads })),
    },
    {
      key: "reports.tables.lossReasons",
      columns: [
        { key: "reason", label: "reports.columns.reason", kind: "text" },
        { key: "leads", label: "reports.columns.leads", kind: "count" },
        { key: "share", label: "reports.columns.share", kind: "percent" },
      ],
      rows: of("reason").map((row) => ({
        reason: row.name,
        reasonEn: row.nameEn,
        reasonKey: row.key,
        leads: row.leads,
        share: row.share,
      })),
    },
    {
      key: "reports.tables.lossStages",
      columns: [
        { key: "stage", label: "reports.columns.fromStage", kind: "text" },
        { key: "leads", label: "reports.columns.leads", kind: "count" },
        { key: "share", label: "reports.columns.share", kind: "percent" },
      ],
      rows: of("stage").map((row) => ({
        stage: row.name,
        stageEn: row.nameEn,
        stageKey: row.key,
        leads: row.leads,
        share: row.share,
      })),
    },
    {
      key: "reports.tables.lossParks",
      columns: [
        { key: "park", label: "reports.columns.otherPark", kind: "text" },
        { key: "leads", label: "reports.columns.leads", kind: "count" },
      ],
      rows: of("park").map((row) => ({ park: row.name, leads: row.leads })),
    },
  ];
}
