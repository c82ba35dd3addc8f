import { parseReportFilter, type ReportFilter } from "../lib/reports/filters";
import { reports } from "../lib/reports/registry";
import { reportKeys } from "../lib/reports/table";
import { benchManager, benchStaff } from "./leads";
import { benchPostgres, compareWithBareSql, type ReadCase } from "./support";
import { LEADS, openWorkspace } from "./workspace-db";

/*
 * Every report of /crm/reports on the generated workspace (1,000,000 leads with their stage
 * histories), for a manager over this year and last month and for one officer over this year,
 * beside the same SQL run bare. Target: p95 under 300 ms each.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

function filterOf(params: Record<string, string>): ReportFilter {
  const parsed = parseReportFilter(params);
  if (!parsed.success) throw new Error(`bad bench filter ${JSON.stringify(params)}`);
  return parsed.data;
}

export async function benchReports(): Promise<void> {
  const postgres = benchPostgres();
  try {
    const workspace = await openWorkspace(postgres.url);
    const { db, bare } = workspace;
    const views: [string, typeof benchManager, ReportFilter][] = [
      ["manager, this year", benchManager, filterOf({ range: "this_year" })],
      ["manager, last month, weekly", benchManager, filterOf({ range: "last_month", period: "week" })],
      ["staff, this year", benchStaff, filterOf({ range: "this_year" })],
    ];
    const cases: ReadCase[] = views.flatMap(([label, viewer, filter]) =>
      reportKeys.map((key) => ({
        name: `${key} (${label})`,
        target: 300,
        run: () => reports[key](db, viewer, filter),
      })),
    );
    console.log(`\nReports on ${LEADS.toLocaleString()} leads with their stage histories, ${RUNS} runs each (ms)`);
    await compareWithBareSql(cases, RUNS, workspace.capture, bare);
    await workspace.close();
  } finally {
    postgres.stop();
  }
}
