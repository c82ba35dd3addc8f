import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const root = path.resolve(import.meta.dirname, "..");

/**
 * A superuser PostgreSQL URL: BENCH_DATABASE_URL, TEST_DATABASE_URL, or a throwaway server started
 * here (`dataDir` set: its CPU is this benchmark's alone). BENCH_PG_STATEMENTS=1 starts the
 * throwaway server with pg_stat_statements and function timing loaded.
 */
export function benchPostgres(): { url: string; dataDir?: string; stop: () => void } {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return { url: given, stop: () => {} };
  const exports = execFileSync("bash", [path.join(root, "scripts/throwaway-postgres.sh"), "start"], {
    encoding: "utf8",
    env: { ...process.env, PARKLEAD_PG_STAT_STATEMENTS: process.env.BENCH_PG_STATEMENTS === "1" ? "1" : "" },
  });
  const vars = Object.fromEntries(
    [...exports.matchAll(/^export (\w+)=(.*)$/gm)].map(([, name, value]) => [name, value]),
  );
  return {
    url: vars.TEST_DATABASE_URL,
    dataDir: path.join(vars.PARKLEAD_PG_DIR, "data"),
    stop: () => execFileSync("bash", [path.join(root, "scripts/throwaway-postgres.sh"), "stop", vars.PARKLEAD_PG_DIR]),
  };
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** utime, stime, cutime, cstime (in ticks) and parent of a live process, from /proc/<pid>/stat. */
function procStat(pid: number): { ppid: number; ticks: number } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null; // gone meanwhile
  }
  // The command name may hold spaces and parentheses: the fields start after its last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  return { ppid: Number(fields[1]), ticks: utime + stime + cutime + cstime };
}

/**
 * CPU milliseconds (user + system) used so far by a process and every process under it: the live
 * ones' own time plus what their exited children left them (cutime/cstime), so a PostgreSQL backend
 * that ends mid-run still counts (its postmaster reaps it). Read from /proc, so the processes must
 * run on this machine.
 */
export function processTreeCpuMs(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = procStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let ticks = 0;
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

/**
 * Reads the CPU of the PostgreSQL server behind `adminUrl` (postmaster and every backend and
 * worker), or null when it is not on this machine. Only a server started by the benchmark is its
 * alone: on a shared one, other clients' work counts too.
 */
export async function postgresCpuMeter(adminUrl: string, dataDir?: string): Promise<(() => number) | null> {
  let directory = dataDir;
  if (!directory) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      directory = (await admin.query<{ data_directory: string }>("SHOW data_directory")).rows[0].data_directory;
    } catch {
      return null;
    } finally {
      await admin.end();
    }
  }
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(path.join(directory, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return null;
  }
  if (!procStat(postmaster)) return null;
  return () => processTreeCpuMs(postmaster);
}

export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/**
 * Starts `npm start` (building first if the build is stale) and waits for /api/health. `nodeOptions`
 * go to the server's Node only (say `--cpu-prof`), not to a build it starts.
 */
export async function startServer(
  env: Record<string, string>,
  port: number,
  nodeOptions: string[] = [],
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [...nodeOptions, path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("server did not become healthy");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p95?: number;
  p99: number;
  errors: number;
  /** CPU milliseconds per request of the app server and of PostgreSQL, where measured. */
  appCpuMs?: number;
  postgresCpuMs?: number;
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

export function printTable(rows: Figures[]): void {
  const line = (cells: string[]) =>
    console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(34) : cell.padStart(12))).join(""));
  const optional = (value: number | undefined, digits: number) => (value === undefined ? "" : value.toFixed(digits));
  const cpu = rows.some((row) => row.appCpuMs !== undefined || row.postgresCpuMs !== undefined);
  line(["", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", ...(cpu ? ["app CPU ms", "PG CPU ms"] : [])]);
  for (const row of rows) {
    line([
      row.name,
      row.requestsPerSecond.toFixed(0),
      row.p50.toFixed(1),
      optional(row.p95, 1),
      row.p99.toFixed(1),
      String(row.errors),
      ...(cpu ? [optional(row.appCpuMs, 2), optional(row.postgresCpuMs, 2)] : []),
    ]);
  }
  if (cpu) console.log("(CPU ms: user + system time per request, read from /proc before and after the run)");
}

export interface Captured {
  query: string;
  params: unknown[];
}

/** p50/p95 of `runs` calls after one warm-up call. */
export async function timed(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
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

export interface ReadCase {
  name: string;
  target: number;
  run: () => Promise<unknown>;
}

/**
 * Times each case through the app, then the very statements it sent (captured from Prisma's query
 * log) run bare through pg, concurrently as Prisma sent them, and prints both beside the target.
 */
export async function compareWithBareSql(
  cases: ReadCase[],
  runs: number,
  capture: { start(): void; stop(): Captured[] },
  bare: { query(text: string, values: unknown[]): Promise<unknown> },
): Promise<void> {
  const line = (cells: string[]) =>
    console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(40) : cell.padStart(11))).join(""));
  line(["", "app p50", "app p95", "SQL p50", "SQL p95", "target", "queries"]);
  for (const item of cases) {
    capture.start();
    await item.run();
    const statements = capture.stop();
    const app = await timed(runs, item.run);
    const sql = await timed(runs, () =>
      Promise.all(statements.map((statement) => bare.query(statement.query, statement.params))),
    );
    line([
      item.name,
      app.p50.toFixed(1),
      app.p95.toFixed(1),
      sql.p50.toFixed(1),
      sql.p95.toFixed(1),
      `<${item.target} ${app.p95 < item.target ? "ok" : "MISSED"}`,
      String(statements.length),
    ]);
  }
}
