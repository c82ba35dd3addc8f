// `npm run drill`: the fault drill of issue 9. Against the production build (built first only when
// there is none), with 20 concurrent clients POSTing /api/inquiries:
//   1. PostgreSQL: a server of its own is stopped (immediately, as a crash) for ten seconds and
//      started again, while the app keeps running;
//   2. embedded database: the app itself is killed with SIGKILL mid-stream and started again on
//      the same data folder.
// Each client retries an inquiry that got no 201 (a 503, or no answer while the app was down) with
// the same Idempotency-Key, as a well-behaved client does, until it is acknowledged. The drill then
// counts acknowledged against stored inquiries (by reference), 5xx answers and the recovery time,
// prints a table, and exits 1 unless acknowledged = stored and no 5xx other than 503 was seen.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { sparePort, startOutagePostgres } from "./outage-postgres.mjs";

const root = path.resolve(import.meta.dirname, "..");
const CLIENTS = Number(process.env.DRILL_CLIENTS || 20);
const OUTAGE_MS = Number(process.env.DRILL_OUTAGE_SECONDS || 10) * 1000;
const distDir = process.env.NEXT_DIST_DIR || ".next";
const runId = randomBytes(2).readUInt16BE() % 10_000;

const log = (event, fields = {}) => console.log(JSON.stringify({ event: `drill.${event}`, ...fields }));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function ensureBuild() {
  if (existsSync(path.join(root, distDir, "BUILD_ID"))) return;
  log("build", { distDir });
  const build = spawnSync("npm", ["run", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** `npm start`'s own script on the existing build; its log goes to the drill's stderr, prefixed. */
function startApp(port, env) {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: "",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      PARKLEAD_SKIP_BUILD: "1",
      NODE_ENV: "production",
      // Each inquiry comes "through a proxy" from an address of its own, so the per-address limit
      // (30 an hour) never answers 429 to the drill's thousands of inquiries.
      PARKLEAD_TRUSTED_PROXIES: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const quietEvents = /"event":"(inquiry\.created|migrate|inquiry\.database_unavailable|health\.database_down)"/;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream.on("data", (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop();
      for (const line of lines)
        if (line.trim() && !quietEvents.test(line)) process.stderr.write(`  [app ${child.pid}] ${line}\n`);
    });
  }
  child.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return child;
}

/** { status, body } or null when there was no answer (the app is down or restarting). */
async function status(url, init) {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, body };
  } catch {
    return null;
  }
}

async function waitHealthy(base, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await status(`${base}/api/health`))?.status === 200) return;
    await sleep(200);
  }
  throw new Error(`${base} did not become healthy within ${timeoutMs / 1000} s`);
}

let sequence = 0;
function newInquiry() {
  sequence += 1;
  return {
    // A phone and an address per inquiry, unique within the run: no rate limit can interfere.
    phone: `139${String(runId).padStart(4, "0")}${String(sequence).padStart(4, "0")}`,
    address: `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`,
    key: randomUUID(),
  };
}

/**
 * 20 clients sending inquiries one after another until stop() is called; each inquiry is retried
 * (same key) until acknowledged, so at the end every inquiry sent is either acknowledged or, if
 * the deadline passed, counted as unacknowledged.
 */
function stream(base) {
  const tally = { sent: 0, acknowledged: new Map(), statuses: new Map(), noAnswer: 0, unacknowledged: 0 };
  let running = true;
  const ackTimes = [];
  const client = async () => {
    while (running) {
      const inquiry = newInquiry();
      tally.sent += 1;
      const giveUpAt = () => (running ? Infinity : stoppedAt + 60_000);
      for (;;) {
        const response = await status(`${base}/api/inquiries`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "idempotency-key": inquiry.key,
            "x-forwarded-for": inquiry.address,
          },
          body: JSON.stringify({
            need: { deal: "buy", kind: "factory", area: 2400, areaUnit: "sqm", timeline: "6m" },
            use: "智能制造：减速器生产（演练）",
            expectedAnnualTax: 300,
            company: "演练精密制造有限公司",
            contactName: "演练联系人",
            phone: inquiry.phone,
            consent: true,
          }),
        });
        if (!response) tally.noAnswer += 1;
        else tally.statuses.set(response.status, (tally.statuses.get(response.status) ?? 0) + 1);
        if (response?.status === 201) {
          tally.acknowledged.set(inquiry.phone, response.body.reference);
          ackTimes.push(Date.now());
          break;
        }
        if (Date.now() > giveUpAt()) {
          tally.unacknowledged += 1;
          break;
        }
        await sleep(200);
      }
    }
  };
  let stoppedAt = 0;
  const clients = Array.from({ length: CLIENTS }, client);
  return {
    tally,
    firstAckAfter: (time) => ackTimes.find((at) => at >= time),
    async stop() {
      running = false;
      stoppedAt = Date.now();
      await Promise.all(clients);
      return tally;
    },
  };
}

/** `stored`: the references found in the database for the acknowledged inquiries' phones. */
function summarise(name, tally, storedReferences, recoveryMs, extra = {}) {
  const acknowledged = [...tally.acknowledged.values()];
  const stored = new Set(storedReferences);
  const lost = acknowledged.filter((reference) => !stored.has(reference)).length;
  const fiveHundreds = [...tally.statuses]
    .filter(([code]) => code >= 500 && code !== 503)
    .reduce((sum, [, n]) => sum + n, 0);
  const other = [...tally.statuses]
    .filter(([code]) => code !== 201 && code !== 503 && code < 500)
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    part: name,
    acknowledged: acknowledged.length,
    stored: stored.size,
    lost,
    "503 answers": tally.statuses.get(503) ?? 0,
    "other 5xx": fiveHundreds,
    "other 4xx": other,
    "no answer": tally.noAnswer,
    unacknowledged: tally.unacknowledged,
    "recovery s": recoveryMs === undefined ? "never" : (recoveryMs / 1000).toFixed(1),
    ...extra,
  };
}

async function postgresPart() {
  const server = await startOutagePostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query("CREATE DATABASE parklead_drill");
  await admin.end();
  const url = server.url.replace(/\/postgres$/, "/parklead_drill");
  const port = await sparePort();
  const base = `http://127.0.0.1:${port}`;
  const app = startApp(port, { DATABASE_URL: url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") });
  try {
    await waitHealthy(base);
    log("postgres.streaming", { clients: CLIENTS });
    const load = stream(base);
    await sleep(3_000);
    log("postgres.stop", { seconds: OUTAGE_MS / 1000 });
    await server.stop("immediate");
    await sleep(1_000);
    const healthWhileDown = (await status(`${base}/api/health`))?.status ?? "no answer";
    // Pages are not counted: Next gives a page whose render threw a 500 (its error page), and has no
    // way for a server component to answer 503. Shown for the record.
    const pageWhileDown = (await status(`${base}/listings`))?.status ?? "no answer";
    await sleep(OUTAGE_MS - 1_000);
    await server.start();
    const backAt = Date.now();
    log("postgres.started");
    while (!load.firstAckAfter(backAt) && Date.now() - backAt < 60_000) await sleep(50);
    const firstAck = load.firstAckAfter(backAt);
    await sleep(5_000);
    const tally = await load.stop();
    const reader = new pg.Client({ connectionString: url });
    await reader.connect();
    const { rows } = await reader.query(`SELECT "reference" FROM "Inquiry" WHERE "phone" = ANY($1)`, [
      [...tally.acknowledged.keys()],
    ]);
    const { rows: all } = await reader.query(
      `SELECT count(*)::int AS n FROM "Inquiry" WHERE "company" = '演练精密制造有限公司'`,
    );
    await reader.end();
    return summarise(
      `PostgreSQL stopped ${OUTAGE_MS / 1000} s`,
      tally,
      rows.map((row) => row.reference),
      firstAck && firstAck - backAt,
      {
        "stored (all)": all[0].n,
        "health while down": healthWhileDown,
        "a page while down": pageWhileDown,
        "app restarts": app.exitCode === null ? 0 : "exited!",
      },
    );
  } finally {
    app.kill("SIGTERM");
    await app.exited;
    await server.destroy();
  }
}

async function embeddedPart() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "parklead-drill-data-"));
  const port = await sparePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { PARKLEAD_DATA_DIR: dataDir, NEXTAUTH_SECRET: "" };
  let app = startApp(port, env);
  try {
    await waitHealthy(base);
    log("embedded.streaming", { clients: CLIENTS });
    const load = stream(base);
    await sleep(3_000);
    log("embedded.kill", { pid: app.pid, signal: "SIGKILL" });
    app.kill("SIGKILL");
    await app.exited;
    const restartedAt = Date.now();
    app = startApp(port, env);
    while (!load.firstAckAfter(restartedAt) && Date.now() - restartedAt < 120_000) await sleep(50);
    const firstAck = load.firstAckAfter(restartedAt);
    await sleep(3_000);
    const tally = await load.stop();
    app.kill("SIGTERM");
    const stopped = await app.exited;
    // The app has closed the folder; read what it stored.
    const { PGlite } = await import("@electric-sql/pglite");
    const db = new PGlite(path.join(dataDir, "pgdata"));
    const { rows } = await db.query(`SELECT "reference" FROM "Inquiry" WHERE "phone" = ANY($1)`, [
      [...tally.acknowledged.keys()],
    ]);
    const { rows: all } = await db.query(
      `SELECT count(*)::int AS n FROM "Inquiry" WHERE "company" = '演练精密制造有限公司'`,
    );
    await db.close();
    return summarise(
      "embedded, kill -9",
      tally,
      rows.map((row) => row.reference),
      firstAck && firstAck - restartedAt,
      {
        "stored (all)": all[0].n,
        "health while down": "-",
        "a page while down": "-",
        "app restarts": `1 (stop after: ${stopped.code ?? stopped.signal})`,
      },
    );
  } finally {
    if (app.exitCode === null && app.signalCode === null) {
      app.kill("SIGKILL");
      await app.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

ensureBuild();
const only = process.env.DRILL_ONLY; // "postgres" or "embedded"
const results = [];
if (only !== "embedded") results.push(await postgresPart());
if (only !== "postgres") results.push(await embeddedPart());
console.log("");
console.table(results);
console.log(
  "acknowledged = inquiries answered 201; stored = their references found in the database afterwards; lost = acknowledged but not stored;",
);
console.log(
  "stored (all) = every drill inquiry in the database (an extra one would be stored but never acknowledged);",
);
console.log("recovery = from PostgreSQL accepting connections again (or the app's restart) to the first 201.");
const failed = results.filter(
  (row) => row.lost > 0 || row.acknowledged !== row["stored (all)"] || row["other 5xx"] > 0 || row.unacknowledged > 0,
);
if (failed.length > 0) {
  console.error(`drill FAILED: ${failed.map((row) => row.part).join(", ")}`);
  process.exit(1);
}
console.log("drill passed: every acknowledged inquiry is stored, nothing else is, and no 5xx but 503");
