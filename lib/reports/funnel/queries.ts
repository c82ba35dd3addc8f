import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { WORKSPACE_ROLES } from "../../leads/access";
import { reportTallySql, resolveRange, type ReportFilter } from "../filters";
import { foldReportTallies, tallyRows } from "../tallies/tallies";
import type { ReportTable } from "../table";

/*
 * The funnel of the leads created in the range (the cohort). A lead reached a stage when its
 * stage history ever entered that stage or any later open/won stage: a lead that jumped from
 * contacted to negotiation passed site visit and screening; a lost lead counts the stages it got
 * through before; a reopened lead counts as far as it ever got; a merge survivor as far as either
 * lead got. A lead with no open/won stage in its history still stood in the first one, where every
 * lead starts, so the first stage holds the whole cohort.
 *
 * How far each lead got is Lead.reachedStageKey, kept by the database as the lead moves, and the
 * cohort is read from the created tallies (lib/reports/tallies), grouped by it and by where the
 * leads stand now.
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

export async function funnelReport(
  db: Database,
  viewer: Viewer | null,
  filter: ReportFilter,
  now = new Date(),
): Promise<ReportTable[]> {
  assertRole(viewer, WORKSPACE_ROLES, "read the reports");
  await foldReportTallies(db);
  const range = resolveRange(filter, now);
  const rows = await db.$queryRaw<FunnelRow[]>`
    WITH cohort AS (
      SELECT t."stageKey", t."reachedKey", sum(t."leads")::int AS leads
      FROM ${tallyRows("created", [range])} t
      WHERE ${reportTallySql(filter, viewer, "t")}
      GROUP BY 1, 2
    ), depth AS (
      SELECT
        COALESCE(r."position", (SELECT min("position") FROM "Stage" WHERE "category" <> 'LOST')) AS reached,
        sum(co.leads) AS leads, COALESCE(sum(co.leads) FILTER (WHERE st."category" = 'LOST'), 0) AS lost
      FROM cohort co JOIN "Stage" st ON st."key" = co."stageKey"
        LEFT JOIN "Stage" r ON r."key" = co."reachedKey" AND r."category" <> 'LOST'
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
      rows:
        cohort === 0
          ? []
          : rows.map((row) => ({
              stage: row.name,
              stageEn: row.nameEn,
              stageKey: row.key,
              reached: row.reached,
              toNext: row.toNext,
              overall: row.overall,
            })),
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
