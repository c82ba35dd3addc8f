import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Viewer } from "../lib/auth/session";
import { PrismaClient } from "../lib/db/generated/client";
import { openDatabase } from "../lib/db/open";
import { listInbox } from "../lib/leads/inbox";
import { parseLeadFilter, type LeadFilter } from "../lib/leads/filters";
import { loadBoard } from "../lib/pipeline/queries";
import { BENCH_STAFF, generateLeads } from "../scripts/generate-leads";
import { benchPostgres, freshDatabase, percentile } from "./support";

/*
 * The workspace's reads at scale: 1,000,000 leads and 5,000,000 activities generated in
 * PostgreSQL (kept between runs in database parklead_bench_leads unless BENCH_FRESH=1). Each case
 * runs the lib/ function the page calls, then the very SQL statements it sent (captured from
 * Prisma's query log) bare through pg, so the difference is Prisma and the app, not the database.
 * Targets: inbox p95 under 100 ms, board under 250 ms.
 */
const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 5_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const DATABASE = "parklead_bench_leads";

interface Captured {
  query: string;
  params: unknown[];
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

function filterOf(params: Record<string, string>): LeadFilter {
  const parsed = parseLeadFilter(params);
  if (!parsed.success) throw new Error(`bad bench filter ${JSON.stringify(params)}`);
  return parsed.data;
}

export async function benchLeads(): Promise<void> {
  const postgres = benchPostgres();
  try {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE])).rowCount;
    await admin.end();
    const url = exists && process.env.BENCH_FRESH !== "1" ? databaseUrl(postgres.url) : await freshDatabase(postgres.url, DATABASE);
    const opened = await openDatabase({ kind: "postgres", url, poolSize: 4, seedDemo: true });
    await opened.close();
    await generateLeads(url, LEADS, ACTIVITIES);

    const captured: Captured[] = [];
    let capturing = false;
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }), log: [{ emit: "event", level: "query" }] });
    db.$on("query", (event) => {
      if (capturing) captured.push({ query: event.query, params: JSON.parse(event.params) as unknown[] });
    });
    const bare = new pg.Pool({ connectionString: url, max: 4 });

    const manager: Viewer = { id: `benchuser${BENCH_STAFF + 1}`, email: "m@bench.test", name: "经理", role: "MANAGER" };
    const staff: Viewer = { id: "benchuser3", email: "s@bench.test", name: "专员", role: "STAFF" };
    const company = (await bare.query<{ company: string }>(`SELECT "company" FROM "Lead" WHERE "id" = 'bench00777777'`)).rows[0]?.company ?? "苏州精密";

    const cases: { name: string; run: () => Promise<unknown>; target: number }[] = [
      { name: "inbox first page (manager)", target: 100, run: () => listInbox(db, manager, { filter: filterOf({}) }) },
      { name: "inbox first page (staff)", target: 100, run: () => listInbox(db, staff, { filter: filterOf({}) }) },
      { name: "inbox filtered: stage+owner", target: 100, run: () => listInbox(db, manager, { filter: filterOf({ stage: "contacted", owner: "benchuser5" }) }) },
      { name: "inbox filtered: overdue follow-up", target: 100, run: () => listInbox(db, manager, { filter: filterOf({ overdue: "1" }) }) },
      { name: "inbox sorted by score", target: 100, run: () => listInbox(db, manager, { filter: filterOf({}), sort: "score" }) },
      { name: `inbox search "${company.slice(0, 4)}"`, target: 100, run: () => listInbox(db, manager, { filter: filterOf({ q: company.slice(0, 4) }) }) },
      { name: `inbox search full company`, target: 100, run: () => listInbox(db, manager, { filter: filterOf({ q: company }) }) },
      { name: "inbox search phone tail", target: 100, run: () => listInbox(db, manager, { filter: filterOf({ q: "7777" }) }) },
      { name: "board (manager)", target: 250, run: () => loadBoard(db, manager, filterOf({})) },
      { name: "board (staff)", target: 250, run: () => loadBoard(db, staff, filterOf({})) },
    ];

    console.log(`\nWorkspace reads on ${LEADS.toLocaleString()} leads / ${ACTIVITIES.toLocaleString()} activities, ${RUNS} runs each (ms)`);
    const line = (cells: string[]) => console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(38) : cell.padStart(11))).join(""));
    line(["", "app p50", "app p95", "SQL p50", "SQL p95", "target", "queries"]);
    for (const item of cases) {
      captured.length = 0;
      capturing = true;
      await item.run();
      capturing = false;
      const statements = [...captured];
      const app = await timed(RUNS, item.run);
      const sql = await timed(RUNS, () => Promise.all(statements.map((statement) => bare.query(statement.query, statement.params as unknown[]))));
      line([item.name, app.p50.toFixed(1), app.p95.toFixed(1), sql.p50.toFixed(1), sql.p95.toFixed(1), `<${item.target} ${app.p95 < item.target ? "ok" : "MISSED"}`, String(statements.length)]);
    }
    await db.$disconnect();
    await bare.end();
  } finally {
    postgres.stop();
  }
}

function databaseUrl(adminUrl: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}
