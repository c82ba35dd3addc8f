import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";

export const root = path.resolve(import.meta.dirname, "..");

/** A superuser PostgreSQL URL: BENCH_DATABASE_URL, TEST_DATABASE_URL, or a throwaway server started here. */
export function benchPostgres(): { url: string; stop: () => void } {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return { url: given, stop: () => {} };
  const exports = execFileSync("bash", [path.join(root, "scripts/throwaway-postgres.sh"), "start"], { encoding: "utf8" });
  const vars = Object.fromEntries([...exports.matchAll(/^export (\w+)=(.*)$/gm)].map(([, name, value]) => [name, value]));
  return {
    url: vars.TEST_DATABASE_URL,
    stop: () => execFileSync("bash", [path.join(root, "scripts/throwaway-postgres.sh"), "stop", vars.PARKLEAD_PG_DIR]),
  };
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

/** Starts `npm start` (building first if the build is stale) and waits for /api/health. */
export async function startServer(env: Record<string, string>, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
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
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

export function printTable(rows: Figures[]): void {
  const line = (cells: string[]) => console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(34) : cell.padStart(12))).join(""));
  line(["", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"]);
  for (const row of rows) {
    line([
      row.name,
      row.requestsPerSecond.toFixed(0),
      row.p50.toFixed(1),
      row.p95 === undefined ? "" : row.p95.toFixed(1),
      row.p99.toFixed(1),
      String(row.errors),
    ]);
  }
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
  const line = (cells: string[]) => console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(40) : cell.padStart(11))).join(""));
  line(["", "app p50", "app p95", "SQL p50", "SQL p95", "target", "queries"]);
  for (const item of cases) {
    capture.start();
    await item.run();
    const statements = capture.stop();
    const app = await timed(runs, item.run);
    const sql = await timed(runs, () => Promise.all(statements.map((statement) => bare.query(statement.query, statement.params))));
    line([item.name, app.p50.toFixed(1), app.p95.toFixed(1), sql.p50.toFixed(1), sql.p95.toFixed(1), `<${item.target} ${app.p95 < item.target ? "ok" : "MISSED"}`, String(statements.length)]);
  }
}
