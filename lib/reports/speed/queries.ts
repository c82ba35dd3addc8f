import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import { vocabularyEn } from "../../i18n/messages/vocabulary.en";
import { vocabularyZhCN } from "../../i18n/messages/vocabulary.zh-CN";
import { WORKSPACE_ROLES } from "../../leads/access";
import { reportTallySql, resolveRange, type ReportFilter } from "../filters";
import { cycleFigures } from "./cycle";
import { responseFigures, type ResponseFigures } from "./response";
import { stageStays } from "./stages";
import { foldReportTallies } from "../tallies/tallies";
import type { ReportColumn, ReportTable } from "../table";

/*
 * The speed report: how fast leads are answered, how long they stay in each stage and how long
 * they take to sign. Definitions beside each query (speed-response, speed-stages, speed-cycle) and
 * in the reportsSpeed.definitions messages the page shows.
 */

const responseColumns: ReportColumn[] = [
  { key: "leads", label: "reportsSpeed.columns.leads", kind: "count" },
  { key: "answered", label: "reportsSpeed.columns.answered", kind: "count" },
  { key: "unanswered", label: "reportsSpeed.columns.unanswered", kind: "count" },
  { key: "median", label: "reportsSpeed.columns.median", kind: "hours" },
  { key: "p90", label: "reportsSpeed.columns.p90", kind: "hours" },
  { key: "withinHour", label: "reportsSpeed.columns.withinHour", kind: "percent" },
  { key: "withinDay", label: "reportsSpeed.columns.withinDay", kind: "percent" },
];

function responseRow(figures: ResponseFigures) {
  const { leads, answered, median, p90, withinHour, withinDay } = figures;
  return { leads, answered, unanswered: leads - answered, median, p90, withinHour, withinDay };
}

export async function speedReport(
  db: Database,
  viewer: Viewer | null,
  filter: ReportFilter,
  now = new Date(),
): Promise<ReportTable[]> {
  assertRole(viewer, WORKSPACE_ROLES, "read the reports");
  await foldReportTallies(db);
  const range = resolveRange(filter, now);
  const scope = reportTallySql(filter, viewer, "t");
  const [response, stages, cycle] = await Promise.all([
    responseFigures(db, scope, range),
    stageStays(db, scope, range),
    cycleFigures(db, scope, range),
  ]);
  const overall = response.filter((row) => row.overall);
  const owners = response.filter((row) => !row.overall);
  return [
    { key: "reportsSpeed.tables.response", columns: responseColumns, rows: overall.map(responseRow) },
    {
      key: "reportsSpeed.tables.responseByOwner",
      columns: [{ key: "owner", label: "reports.columns.owner", kind: "text" }, ...responseColumns],
      rows: owners.map((row) => ({
        ownerId: row.ownerId,
        // Leads nobody owns are the pool's.
        owner: row.ownerId === null ? vocabularyZhCN.pool : row.owner,
        ownerEn: row.ownerId === null ? vocabularyEn.pool : row.owner,
        ...responseRow(row),
      })),
    },
    {
      key: "reportsSpeed.tables.stages",
      columns: [
        { key: "stage", label: "reports.columns.stage", kind: "text" },
        { key: "stays", label: "reportsSpeed.columns.stays", kind: "count" },
        { key: "average", label: "reportsSpeed.columns.average", kind: "days" },
        { key: "median", label: "reportsSpeed.columns.median", kind: "days" },
      ],
      // No completed stay at all: nothing to chart, so the page says the range is empty.
      rows: stages.some((row) => row.stays > 0)
        ? stages.map((row) => ({
            stageKey: row.key,
            stage: row.name,
            stageEn: row.nameEn,
            stays: row.stays,
            average: row.average,
            median: row.median,
          }))
        : [],
    },
    {
      key: "reportsSpeed.tables.cycle",
      columns: [
        { key: "signed", label: "reportsSpeed.columns.signed", kind: "count" },
        { key: "average", label: "reportsSpeed.columns.average", kind: "days" },
        { key: "median", label: "reportsSpeed.columns.median", kind: "days" },
      ],
      rows: cycle.signed > 0 ? [{ signed: cycle.signed, average: cycle.average, median: cycle.median }] : [],
    },
  ];
}
