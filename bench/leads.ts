import type { Viewer } from "../lib/auth/session";
import { parseLeadFilter, type LeadFilter } from "../lib/leads/filter/filter";
import { listInbox } from "../lib/leads/inbox/queries";
import { loadBoard } from "../lib/pipeline/queries";
import { BENCH_STAFF } from "../scripts/generate-leads";
import { benchPostgres, compareWithBareSql, type ReadCase } from "./support";
import { ACTIVITIES, LEADS, openWorkspace } from "./workspace-db";

/*
 * The workspace's reads at scale: each case runs the lib/ function the page calls, then the very
 * SQL statements it sent, bare, so the difference is Prisma and the app, not the database.
 * Targets: inbox p95 under 100 ms, board under 250 ms.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

function filterOf(params: Record<string, string>): LeadFilter {
  const parsed = parseLeadFilter(params);
  if (!parsed.success) throw new Error(`bad bench filter ${JSON.stringify(params)}`);
  return parsed.data;
}

export const benchManager: Viewer = {
  id: `benchuser${BENCH_STAFF + 1}`,
  email: "m@bench.test",
  name: "经理",
  role: "MANAGER",
};
export const benchStaff: Viewer = { id: "benchuser3", email: "s@bench.test", name: "专员", role: "STAFF" };

export async function benchLeads(): Promise<void> {
  const postgres = benchPostgres();
  try {
    const workspace = await openWorkspace(postgres.url);
    const { db, bare } = workspace;
    const company =
      (await bare.query<{ company: string }>(`SELECT "company" FROM "Lead" WHERE "id" = 'bench00777777'`)).rows[0]
        ?.company ?? "苏州精密";
    const [manager, staff] = [benchManager, benchStaff];
    const cases: ReadCase[] = [
      { name: "inbox first page (manager)", target: 100, run: () => listInbox(db, manager, { filter: filterOf({}) }) },
      { name: "inbox first page (staff)", target: 100, run: () => listInbox(db, staff, { filter: filterOf({}) }) },
      {
        name: "inbox filtered: stage+owner",
        target: 100,
        run: () => listInbox(db, manager, { filter: filterOf({ stage: "contacted", owner: "benchuser5" }) }),
      },
      {
        name: "inbox filtered: overdue follow-up",
        target: 100,
        run: () => listInbox(db, manager, { filter: filterOf({ overdue: "1" }) }),
      },
      {
        name: "inbox sorted by score",
        target: 100,
        run: () => listInbox(db, manager, { filter: filterOf({}), sort: "score" }),
      },
      {
        name: `inbox search "${company.slice(0, 4)}"`,
        target: 100,
        run: () => listInbox(db, manager, { filter: filterOf({ q: company.slice(0, 4) }) }),
      },
      {
        name: "inbox search full company",
        target: 100,
        run: () => listInbox(db, manager, { filter: filterOf({ q: company }) }),
      },
      {
        name: "inbox search phone tail",
        target: 100,
        run: () => listInbox(db, manager, { filter: filterOf({ q: "7777" }) }),
      },
      { name: "board (manager)", target: 250, run: () => loadBoard(db, manager, filterOf({})) },
      { name: "board (staff)", target: 250, run: () => loadBoard(db, staff, filterOf({})) },
    ];
    console.log(
      `\nWorkspace reads on ${LEADS.toLocaleString()} leads / ${ACTIVITIES.toLocaleString()} activities, ${RUNS} runs each (ms)`,
    );
    await compareWithBareSql(cases, RUNS, workspace.capture, bare);
    await workspace.close();
  } finally {
    postgres.stop();
  }
}
