import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { WORKSPACE_ROLES } from "../../leads/access";
import { SQM_PER_MU_ROUNDED as SQM_PER_MU } from "../../listings/units";
import { reportTallySql, type ReportFilter } from "../filters";
import { foldReportTallies, tallyRows } from "../tallies/tallies";
import type { ReportTable } from "../table";

/*
 * The 项目储备库 view: the open leads right now, by open stage. A snapshot, so the date range does
 * not apply; the other filters do. Archived leads are set aside by staff and are not projects in
 * reserve. Read from the created tallies (lib/reports/tallies) of all time, which hold every lead's
 * current stage and figures. Areas wanted are summed in m² (亩 converted at 666.67 m²) and shown in 亩 as well.
 */

interface PipelineRow {
  total: boolean;
  key: string | null;
  name: string | null;
  nameEn: string | null;
  leads: number;
  tax: number;
  areaSqm: number;
  areaMu: number;
  investment: number;
}

export async function pipelineReport(
  db: Database,
  viewer: Viewer | null,
  filter: ReportFilter,
  _now = new Date(),
): Promise<ReportTable[]> {
  assertRole(viewer, WORKSPACE_ROLES, "read the reports");
  await foldReportTallies(db);
  const rows = await db.$queryRaw<PipelineRow[]>`
    WITH reserve AS (
      -- 亩 are summed apart and converted once per stage, not once per lead: the same exact figure, half the work.
      SELECT t."stageKey", sum(t."leads")::int AS leads, sum(t."expectedTax") AS tax, sum(t."investment") AS investment,
        sum(t."areaSqm") + sum(t."areaMu") * ${SQM_PER_MU}::numeric AS "areaSqm"
      FROM ${tallyRows("created", "all")} t
      WHERE NOT t."archived" AND ${reportTallySql(filter, viewer, "t")}
      GROUP BY t."stageKey"
    ), stages AS (
      SELECT s."key", s."name", s."nameEn", s."position", COALESCE(r.leads, 0) AS leads, COALESCE(r.tax, 0) AS tax,
        COALESCE(r.investment, 0) AS investment, COALESCE(r."areaSqm", 0) AS "areaSqm"
      FROM "Stage" s LEFT JOIN reserve r ON r."stageKey" = s."key"
      WHERE s."category" = 'OPEN'
    )
    SELECT GROUPING("key") = 1 AS total, "key", "name", "nameEn",
      sum(leads)::int AS leads,
      sum(tax)::float8 AS tax,
      round(sum("areaSqm"), 2)::float8 AS "areaSqm",
      round(sum("areaSqm") / ${SQM_PER_MU}::numeric, 2)::float8 AS "areaMu",
      sum(investment)::float8 AS investment
    FROM stages
    GROUP BY GROUPING SETS (("key", "name", "nameEn", "position"), ())
    ORDER BY GROUPING("key"), "position"`;
  const columns: ReportTable["columns"] = [
    { key: "leads", label: "reports.columns.leads", kind: "count" },
    { key: "tax", label: "reports.columns.tax", kind: "wan" },
    { key: "areaSqm", label: "reports.columns.areaSqm", kind: "area" },
    { key: "areaMu", label: "reports.columns.areaMu", kind: "area" },
    { key: "investment", label: "reports.columns.investment", kind: "wan" },
  ];
  const figures = (row: PipelineRow) => ({
    leads: row.leads,
    tax: row.tax,
    areaSqm: row.areaSqm,
    areaMu: row.areaMu,
    investment: row.investment,
  });
  const total = rows.find((row) => row.total);
  return [
    {
      key: "reports.tables.pipeline",
      columns: [{ key: "stage", label: "reports.columns.stage", kind: "text" }, ...columns],
      rows:
        total && total.leads > 0
          ? rows
              .filter((row) => !row.total)
              .map((row) => ({ stage: row.name, stageEn: row.nameEn, stageKey: row.key, ...figures(row) }))
          : [],
    },
    { key: "reports.tables.pipelineTotal", columns, rows: total ? [figures(total)] : [] },
  ];
}
