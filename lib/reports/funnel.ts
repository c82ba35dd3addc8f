import "server-only";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";
import { WORKSPACE_ROLES } from "../leads/access";
import { reportLeadsSql, resolveRange, type ReportFilter } from "./filters";
import type { ReportTable } from "./table";

/*
 * The funnel of the leads created in the range (the cohort). A lead reached a stage when its
 * stage history ever entered that stage or any later open/won stage: a lead that jumped from
 * contacted to negotiation passed site visit and screening; a lost lead counts the stages it got
 * through before; a reopened lead counts as far as it ever got. A lead with no open/won stage in
 * its history still stood in the first one, where every lead starts, so the first stage holds the
 * whole cohort.
 *
 * How far a lead got is its current stage unless it ever moved back or to a lost stage; then it is
 * the furthest stage it left that way. So only those moves are read (a few per cent of the history,
 * through StageChange(fromKey, toKey, changedAt)), plus the whole history of merge survivors, whose
 * history interleaves two leads'. A cohort of a year stays a scan of the cohort, not of its history.
 */

interface FunnelRow {
  key: string;
  name: string;
  nameEn: string;
  reached: number;
  toNext: number | null;
  overall: number | null;
  cohort: number;
  lost: number;
  lostRate: number | null;
}

export async function funnelReport(db: Database, viewer: Viewer | null, filter: ReportFilter, now = new Date()): Promise<ReportTable[]> {
  assertRole(viewer, WORKSPACE_ROLES, "read the reports");
  const range = resolveRange(filter, now);
  const stages = await db.stage.findMany({ select: { key: true, position: true, category: true } });
  const backward = stages.flatMap((from) =>
    from.category === "LOST" ? [] : stages.filter((to) => to.category === "LOST" || to.position < from.position).map((to) => Prisma.sql`(${from.key}, ${to.key})`),
  );
  // The moves back are named one by one so each is an index probe; the stage table is too small for the planner to know it.
  const moves = backward.length ? Prisma.sql`VALUES ${Prisma.join(backward)}` : Prisma.sql`SELECT NULL::text, NULL::text WHERE false`;
  const rows = await db.$queryRaw<FunnelRow[]>`
    WITH further AS (
      SELECT x."leadId", max(s."position") AS "position"
      FROM (
        -- A move to an earlier or a lost stage: the stage it left may be further than where the lead is now.
        -- A lead's own moves never predate its creation, so only moves since the range began can matter.
        SELECT c."leadId", c."fromKey" AS "key"
        FROM (${moves}) AS back("fromKey", "toKey")
        JOIN "StageChange" c ON c."fromKey" = back."fromKey" AND c."toKey" = back."toKey"
          AND c."changedAt" >= (${range.from}::timestamptz AT TIME ZONE 'UTC')
        UNION ALL
        -- A merge survivor holds the merged leads' histories, which may have got further than it did.
        SELECT c."leadId", c."toKey" FROM "Lead" m JOIN "StageChange" c ON c."leadId" = m."mergedIntoId" WHERE m."mergedIntoId" IS NOT NULL
      ) x JOIN "Stage" s ON s."key" = x."key" AND s."category" <> 'LOST'
      GROUP BY x."leadId"
    ), cohort AS (
      -- One pass over the cohort, grouped by where each lead is and how far it got before, if further.
      SELECT l."stageKey", f."position" AS further, count(*)::int AS leads
      FROM "Lead" l LEFT JOIN further f ON f."leadId" = l."id"
      WHERE l."createdAt" >= (${range.from}::timestamptz AT TIME ZONE 'UTC')
        AND l."createdAt" < (${range.to}::timestamptz AT TIME ZONE 'UTC')
        AND ${reportLeadsSql(filter, viewer, "l")}
      GROUP BY 1, 2
    ), depth AS (
      SELECT
        COALESCE(
          GREATEST(CASE WHEN st."category" <> 'LOST' THEN st."position" END, co.further),
          (SELECT min("position") FROM "Stage" WHERE "category" <> 'LOST')
        ) AS reached,
        sum(co.leads) AS leads, COALESCE(sum(co.leads) FILTER (WHERE st."category" = 'LOST'), 0) AS lost
      FROM cohort co JOIN "Stage" st ON st."key" = co."stageKey"
      GROUP BY 1
    ), totals AS (
      SELECT COALESCE(sum(leads), 0)::int AS cohort, COALESCE(sum(lost), 0)::int AS lost FROM depth
    ), funnel AS (
      -- How far each lead got is always some stage's position, so a running sum from the last stage down
      -- counts the leads that reached each one.
      SELECT s."key", s."name", s."nameEn", s."position",
        (sum(COALESCE(d.leads, 0)) OVER (ORDER BY s."position" DESC))::int AS reached
      FROM "Stage" s LEFT JOIN depth d ON d.reached = s."position"
      WHERE s."category" <> 'LOST'
    )
    SELECT f."key", f."name", f."nameEn", f.reached,
      (lead(f.reached) OVER (ORDER BY f."position"))::float8 / NULLIF(f.reached, 0) AS "toNext",
      f.reached::float8 / NULLIF(t.cohort, 0) AS overall,
      t.cohort, t.lost, t.lost::float8 / NULLIF(t.cohort, 0) AS "lostRate"
    FROM funnel f CROSS JOIN totals t
    ORDER BY f."position"`;
  const { cohort, lost, lostRate } = rows[0] ?? { cohort: 0, lost: 0, lostRate: null };
  return [
    {
      key: "reports.tables.funnel",
      columns: [
        { key: "stage", label: "reports.columns.stage", kind: "text" },
        { key: "reached", label: "reports.columns.reached", kind: "count" },
        { key: "toNext", label: "reports.columns.toNext", kind: "percent" },
        { key: "overall", label: "reports.columns.overallRate", kind: "percent" },
      ],
      // An empty cohort has no funnel to draw: no rows, so the page says the range is empty.
      rows: cohort === 0 ? [] : rows.map((row) => ({ stage: row.name, stageEn: row.nameEn, stageKey: row.key, reached: row.reached, toNext: row.toNext, overall: row.overall })),
    },
    {
      key: "reports.tables.funnelCohort",
      columns: [
        { key: "leads", label: "reports.columns.created", kind: "count" },
        { key: "lost", label: "reports.columns.lostNow", kind: "count" },
        { key: "lostRate", label: "reports.columns.lostRate", kind: "percent" },
      ],
      rows: [{ leads: cohort, lost, lostRate }],
    },
  ];
}
