import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import {
  benchPostgres,
  dropDatabase,
  freshDatabase,
  postgresCpuMeter,
  printTable,
  processTreeCpuMs,
  startServer,
  type Figures,
} from "./support";
import { deliveryLatency, drained, wecomRobot, workerAlone } from "./notify";
import type { RobotReceiver } from "../tests/support/notify-receivers";

/*
 * POST /api/inquiries on a production build against PostgreSQL, with two references from the
 * same run: GET /api/health of the same server (the framework plus one database round trip) and a
 * bare INSERT loop through the same driver (the database's own limit). Beside each rate, the CPU
 * one request costs the app server and PostgreSQL (from /proc: the benchmark's clients share the
 * machine, so CPU per request says more than the rate about where the time goes).
 *
 * Then the same inquiry load on a server with notifications on (PARKLEAD_NOTIFY=on, a 企业微信 robot
 * on loopback as the default channel: bench/notify.ts) against the run with them off, the worker's
 * own cost draining a backlog with nothing else running, and the time from an inquiry's 201 to the
 * robot receiving its message.
 *
 * Profiling (see bench/README.md): BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of each server
 * (notifications off, then on) under its whole run; BENCH_PG_STATEMENTS=1 (throwaway server only) prints the statements and
 * trigger functions PostgreSQL spent the inquiry run's time in.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
/** The 201 → robot message run: inquiries sent one by one at a moderate rate. */
const NOTIFY_INQUIRIES = Number(process.env.BENCH_NOTIFY_INQUIRIES ?? 300);
const NOTIFY_RATE = Number(process.env.BENCH_NOTIFY_RATE ?? 20);
/**
 * Off/on pairs of 15-second intake runs on two warm servers (one with notifications off, one on), in
 * the order off-on, on-off, off-on…: the machine drifts and the database grows during the runs, and
 * on a shared machine one pair's ratio swings by several points, so the order is balanced and the
 * pairs averaged.
 */
const NOTIFY_ROUNDS = Number(process.env.BENCH_NOTIFY_ROUNDS ?? 5);
/** The backlog the worker drains alone (bench/notify.ts, workerAlone). */
const BACKLOG = Number(process.env.BENCH_NOTIFY_BACKLOG ?? 3000);

type CpuMeters = { app: (() => number) | null; postgres: (() => number) | null };

function fromAutocannon(name: string, result: autocannon.Result, cpu: { app?: number; postgres?: number }): Figures {
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + (result.non2xx ?? 0),
    appCpuMs: cpu.app === undefined ? undefined : cpu.app / result.requests.total,
    postgresCpuMs: cpu.postgres === undefined ? undefined : cpu.postgres / result.requests.total,
  };
}

/** Runs `work` and reports the CPU milliseconds each meter moved by meanwhile. */
async function withCpu<T>(
  meters: CpuMeters,
  work: () => Promise<T>,
): Promise<{ result: T; app?: number; postgres?: number }> {
  const app = meters.app?.();
  const postgres = meters.postgres?.();
  const result = await work();
  return {
    result,
    app: app === undefined ? undefined : meters.app!() - app,
    postgres: postgres === undefined ? undefined : meters.postgres!() - postgres,
  };
}

function load(url: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options } as autocannon.Options);
}

let sequence = 0;
function inquiryBody(company?: string): string {
  sequence += 1;
  return JSON.stringify({
    need: { deal: sequence % 2 ? "buy" : "rent", kind: "factory", area: 1000 + (sequence % 5000), areaUnit: "sqm" },
    use: "智能制造：精密零部件加工",
    expectedAnnualTax: 120 + (sequence % 300),
    company: company ?? `基准测试制造有限公司${sequence % 997}`,
    contactName: "王经理",
    phone: `15${String(sequence).padStart(9, "0")}`,
    consent: true,
    email: "bench@example.cn",
  });
}

async function bareInserts(url: string, meters: CpuMeters): Promise<Figures> {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, phone text NOT NULL, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  );
  const latencies: number[] = [];
  let errors = 0;
  const stopAt = Date.now() + SECONDS * 1000;
  let n = 0;
  const startedAt = meters.postgres?.();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < stopAt) {
        const started = performance.now();
        try {
          await pool.query(`INSERT INTO bench_insert (phone, body) VALUES ($1, $2)`, [
            `15${String(++n).padStart(9, "0")}`,
            inquiryBody(),
          ]);
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const postgresCpu = startedAt === undefined ? undefined : meters.postgres!() - startedAt;
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    name: "bare INSERT (pg driver)",
    requestsPerSecond: latencies.length / SECONDS,
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
    errors,
    postgresCpuMs: postgresCpu === undefined ? undefined : postgresCpu / (latencies.length + errors),
  };
}

/**
 * Every measured run starts from the same upkeep: the previous runs' dead rows vacuumed and their
 * writes checkpointed. Left to chance, an autovacuum or a checkpoint lands inside one run and not
 * the next, and moves that run's figures by more than the outbox costs.
 */
async function settle(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE)");
    // A superuser's right: on a server the benchmark did not start it may be refused.
    await client.query("CHECKPOINT").catch(() => undefined);
  } finally {
    await client.end();
  }
}

/** Runs of one kind averaged: rates, latencies and CPU per request. */
function averaged(runs: Figures[]): Figures {
  const mean = (pick: (run: Figures) => number | undefined) => {
    const values = runs.map(pick);
    return values.some((value) => value === undefined)
      ? undefined
      : values.reduce<number>((sum, value) => sum + value!, 0) / values.length;
  };
  return {
    name: runs[0].name,
    requestsPerSecond: mean((run) => run.requestsPerSecond)!,
    p50: mean((run) => run.p50)!,
    p99: mean((run) => run.p99)!,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    appCpuMs: mean((run) => run.appCpuMs),
    postgresCpuMs: mean((run) => run.postgresCpuMs),
  };
}

/** The CPU an inquiry costs with notifications as a share of what it costs without, when measured. */
function cpuRatio(off: Figures, on: Figures): string {
  const total = (row: Figures) => (row.appCpuMs ?? NaN) + (row.postgresCpuMs ?? 0);
  const ratio = total(off) / total(on);
  return Number.isNaN(ratio) ? "" : `; by CPU per inquiry (app + PostgreSQL) ${(ratio * 100).toFixed(0)}% of the rate`;
}

function inquiryLoad(url: string, nextIp: () => string, options: Partial<autocannon.Options> = {}) {
  return load(`${url}/api/inquiries`, {
    ...options,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => ({
          ...request,
          body: inquiryBody(),
          headers: { "content-type": "application/json", "x-forwarded-for": nextIp() },
        }),
      },
    ],
  });
}

export async function benchInquiries(): Promise<void> {
  const postgres = benchPostgres();
  const dbName = `parklead_bench_${process.pid}`;
  const url = await freshDatabase(postgres.url, dbName);
  const profileDir = process.env.BENCH_CPU_PROFILE;
  // Required with PostgreSQL; a throwaway one keeps the benchmark runnable without configuration.
  const secret = process.env.NEXTAUTH_SECRET || randomBytes(32).toString("base64url");
  const serverEnv = (notify: "on" | "off") => ({
    DATABASE_URL: url,
    NEXTAUTH_SECRET: secret,
    PARKLEAD_DB_POOL_SIZE: "20",
    // Each request claims its own client address through one trusted proxy, so the per-IP limit
    // is exercised (a counter per request) without throttling the run.
    PARKLEAD_TRUSTED_PROXIES: "1",
    PARKLEAD_NOTIFY: notify,
  });
  // With notifications off, then on: each server writes its own profile when it stops.
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const server = await startServer(serverEnv("off"), PORT, profile);
  const postgresMeter = await postgresCpuMeter(postgres.url, postgres.dataDir);
  const metersOf = (pid: () => number): CpuMeters => ({
    app: () => processTreeCpuMs(pid()),
    postgres: postgresMeter,
  });
  const meters = metersOf(() => server.pid);
  const statements = process.env.BENCH_PG_STATEMENTS === "1" ? await statementStats(url) : null;
  let robot: RobotReceiver | undefined;
  let notifying: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    console.log(
      `\n== inquiries: ${CONNECTIONS} concurrent clients, ${SECONDS} s each, production build on PostgreSQL ==`,
    );
    if (!meters.postgres) console.log("(PostgreSQL is not on this machine: its CPU is not shown)");
    else if (!postgres.dataDir)
      console.log("(a PostgreSQL server the benchmark did not start: its CPU includes other clients')");
    await load(`${server.url}/api/health`, { duration: 3 });
    const healthRun = await withCpu(meters, () => load(`${server.url}/api/health`, {}));
    const health = fromAutocannon("GET /api/health", healthRun.result, healthRun);

    let ip = 0;
    const nextIp = () => `10.${(++ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`;
    await inquiryLoad(server.url, nextIp, { duration: 3 });
    await settle(url);
    await statements?.reset();
    const firstRun = await withCpu(meters, () => inquiryLoad(server.url, nextIp));
    await statements?.print(firstRun.result.requests.total);
    const inserts = await bareInserts(url, meters);

    // The same intake with the outbox on: each new lead is an event, planned and sent to the group robot.
    // Two servers side by side, each warmed by a run of its own, take the load in turns: runs on a freshly
    // started server cost more CPU per request than on a warm one, by more than the outbox costs.
    robot = await wecomRobot(url, secret);
    notifying = await startServer(serverEnv("on"), PORT + 1, profile);
    const on = notifying;
    const onMeters = metersOf(() => on.pid);
    await inquiryLoad(on.url, nextIp, { duration: SECONDS });
    await drained(url);
    const offRuns: Figures[] = [];
    const onRuns: Figures[] = [];
    let robotMessages = 0;
    let onRequests = 0;
    let backlogMs = 0;
    const runOff = async () => {
      await settle(url);
      const run = await withCpu(meters, () => inquiryLoad(server.url, nextIp));
      offRuns.push(fromAutocannon("POST /api/inquiries, notify off", run.result, run));
    };
    const runOn = async () => {
      await settle(url);
      const robotBefore = robot!.received.length;
      await statements?.reset();
      const run = await withCpu(onMeters, () => inquiryLoad(on.url, nextIp));
      onRuns.push(fromAutocannon("POST /api/inquiries, notify on", run.result, run));
      await statements?.print(run.result.requests.total);
      onRequests += run.result.requests.total;
      backlogMs = Math.max(backlogMs, await drained(url));
      robotMessages += robot!.received.length - robotBefore;
    };
    // Off-on, on-off, off-on…: a drift of the machine or of the growing database weighs on both alike.
    for (let round = 0; round < NOTIFY_ROUNDS; round++) {
      if (round % 2 === 0) {
        await runOff();
        await runOn();
      } else {
        await runOn();
        await runOff();
      }
    }
    // The worker alone, on the warm notifying server: a backlog stored by this process falls due at once.
    const alone = await workerAlone({
      databaseUrl: url,
      serverCpu: () => processTreeCpuMs(on.pid),
      postgresCpu: postgresMeter,
      count: BACKLOG,
      aheadMs: 30_000,
      body: () => JSON.parse(inquiryBody()),
    });
    const inquiries = averaged(offRuns);
    const notified = averaged(onRuns);
    const pairs = onRuns.map((on, index) =>
      Math.round((on.requestsPerSecond / offRuns[index].requestsPerSecond) * 100),
    );

    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const stored = Number((await check.query(`SELECT count(*) FROM "Inquiry"`)).rows[0].count);
    const unsent = Number(
      (await check.query(`SELECT count(*) FROM "Delivery" WHERE "medium" = 'WECOM' AND "status" <> 'SENT'`)).rows[0]
        .count,
    );
    await check.end();

    printTable([health, inquiries, notified, inserts]);
    console.log(
      `(notify off and on: the mean of ${NOTIFY_ROUNDS} alternated runs each; on vs off per pair: ${pairs.join("%, ")}%)`,
    );
    const runFigures = (run: Figures) =>
      `${run.requestsPerSecond.toFixed(0)}/s` +
      (run.appCpuMs === undefined ? "" : ` ${run.appCpuMs.toFixed(2)}+${(run.postgresCpuMs ?? 0).toFixed(2)} ms`);
    console.log(
      `(each pair, off | on, rate and app + PostgreSQL CPU per inquiry: ${offRuns.map((off, index) => `${runFigures(off)} | ${runFigures(onRuns[index])}`).join("; ")})`,
    );
    const rateRatio = inquiries.requestsPerSecond / health.requestsPerSecond;
    const p99Ratio = inquiries.p99 / health.p99;
    console.log(`inquiries stored: ${stored}`);
    console.log(
      `inquiries vs health: ${(rateRatio * 100).toFixed(0)}% of the rate (target ≥ 60%), p99 ${p99Ratio.toFixed(2)}× (target ≤ 1.5×)`,
    );
    console.log(
      `inquiries vs bare INSERT: ${((inquiries.requestsPerSecond / inserts.requestsPerSecond) * 100).toFixed(0)}% of the rate`,
    );
    if (inquiries.appCpuMs !== undefined && health.appCpuMs !== undefined) {
      const extra = (row: Figures) =>
        row.postgresCpuMs === undefined ? "" : ` + ${row.postgresCpuMs.toFixed(2)} ms PostgreSQL`;
      console.log(
        `CPU per request: inquiry ${inquiries.appCpuMs.toFixed(2)} ms app${extra(inquiries)}, with notifications ${notified.appCpuMs?.toFixed(2)} ms app${extra(notified)}, health ${health.appCpuMs.toFixed(2)} ms app${extra(health)}`,
      );
    }
    const notifyRatio = notified.requestsPerSecond / inquiries.requestsPerSecond;
    console.log(
      `notifications on vs off: ${(notifyRatio * 100).toFixed(0)}% of the rate (target ≥ 90%), ` +
        `p99 ${(notified.p99 / inquiries.p99).toFixed(2)}×${cpuRatio(inquiries, notified)}`,
    );
    const offCost = (inquiries.appCpuMs ?? NaN) + (inquiries.postgresCpuMs ?? 0);
    const aloneCost = alone.appMs + (alone.postgresMs ?? 0);
    console.log(
      `the worker alone: ${alone.events} events drained in ${alone.seconds.toFixed(1)} s, ` +
        `${alone.appMs.toFixed(3)} ms app + ${alone.postgresMs?.toFixed(3) ?? "?"} ms PostgreSQL per event: ` +
        `${((aloneCost / offCost) * 100).toFixed(1)}% of the CPU an inquiry costs with notifications off`,
    );
    console.log(
      `${robotMessages} robot messages for ${onRequests} inquiries (up to 8 leads a message), ` +
        `backlog gone ${(backlogMs / 1000).toFixed(1)} s after the load, ${unsent} robot deliveries not sent`,
    );

    const latency = await deliveryLatency({
      serverUrl: on.url,
      receiver: robot,
      count: NOTIFY_INQUIRIES,
      perSecond: NOTIFY_RATE,
      body: (company) => inquiryBody(company),
    });
    console.log(
      `inquiry 201 → robot message, ${NOTIFY_INQUIRIES} inquiries at ${NOTIFY_RATE}/s: p50 ${latency.p50.toFixed(0)} ms, p95 ${latency.p95.toFixed(0)} ms (target < 2000 ms), max ${latency.max.toFixed(0)} ms, ${latency.failed} failed or not received`,
    );
    // Two targets, told apart: the intake's own against health (set with the intake) and the outbox's.
    const intakeMet = rateRatio >= 0.6 && p99Ratio <= 1.5;
    const notifyMet = notifyRatio >= 0.9 && latency.p95 < 2000 && latency.failed === 0;
    console.log(
      `target, inquiries vs health: ${intakeMet ? "met" : "NOT met"}; ` +
        `target, notifications (≥ 90% of the rate, 201 → robot p95 < 2 s, none lost): ${notifyMet ? "met" : "NOT met"}`,
    );
  } finally {
    await statements?.end();
    await server.stop();
    await notifying?.stop();
    await robot?.close();
    if (profileDir)
      console.log(`CPU profile of the server written to ${profileDir} (open it in Chrome DevTools or speedscope)`);
    await dropDatabase(postgres.url, dbName);
    postgres.stop();
  }
}

/**
 * pg_stat_statements and pg_stat_user_functions over the inquiry run: where PostgreSQL's time went,
 * per inquiry (execution time, not CPU; statements inside trigger functions are listed on their own
 * and also counted in the statement that fired them).
 */
async function statementStats(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  } catch (error) {
    await client.end();
    console.log(`(pg_stat_statements is not loaded: ${(error as Error).message})`);
    return null;
  }
  const short = (text: string) => text.replace(/\s+/g, " ").slice(0, 110);
  return {
    async reset() {
      await client.query("SELECT pg_stat_statements_reset()");
      await client.query("SELECT pg_stat_reset()");
    },
    async print(requests: number) {
      const top = await client.query<{ calls: string; total: number; mean: number; rows: string; query: string }>(
        `SELECT calls, total_exec_time AS total, mean_exec_time AS mean, rows, query FROM pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 12`,
      );
      console.log(`\nPostgreSQL statements over the inquiry run (${requests} requests), by total time:`);
      console.log(`${"ms/inquiry".padStart(11)}${"calls".padStart(9)}${"mean ms".padStart(9)}  statement`);
      for (const row of top.rows) {
        console.log(
          `${(row.total / requests).toFixed(3).padStart(11)}${row.calls.padStart(9)}${row.mean.toFixed(3).padStart(9)}  ${short(row.query)}`,
        );
      }
      const functions = await client.query<{ funcname: string; calls: string; total_time: number; self_time: number }>(
        `SELECT funcname, calls, total_time, self_time FROM pg_stat_user_functions ORDER BY total_time DESC LIMIT 15`,
      );
      console.log(`\nFunctions (triggers) over the inquiry run:`);
      console.log(`${"ms/inquiry".padStart(11)}${"self ms".padStart(9)}${"calls".padStart(9)}  function`);
      for (const row of functions.rows) {
        console.log(
          `${(row.total_time / requests).toFixed(3).padStart(11)}${(row.self_time / requests).toFixed(3).padStart(9)}${row.calls.padStart(9)}  ${row.funcname}`,
        );
      }
      console.log("");
    },
    end: () => client.end(),
  };
}
