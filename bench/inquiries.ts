import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { benchPostgres, dropDatabase, freshDatabase, printTable, startServer, type Figures } from "./support";

/*
 * POST /api/inquiries on a production build against PostgreSQL, with two references from the
 * same run: GET /api/health of the same server (the framework plus one database round trip) and a
 * bare INSERT loop through the same driver (the database's own limit).
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3200);

function fromAutocannon(name: string, result: autocannon.Result): Figures {
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + (result.non2xx ?? 0),
  };
}

function load(url: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options } as autocannon.Options);
}

let sequence = 0;
function inquiryBody(): string {
  sequence += 1;
  return JSON.stringify({
    need: { deal: sequence % 2 ? "buy" : "rent", kind: "factory", area: 1000 + (sequence % 5000), areaUnit: "sqm" },
    use: "智能制造：精密零部件加工",
    expectedAnnualTax: 120 + (sequence % 300),
    company: `基准测试制造有限公司${sequence % 997}`,
    contactName: "王经理",
    phone: `15${String(sequence).padStart(9, "0")}`,
    consent: true,
    email: "bench@example.cn",
  });
}

async function bareInserts(url: string): Promise<Figures> {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, phone text NOT NULL, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  const latencies: number[] = [];
  let errors = 0;
  const stopAt = Date.now() + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < stopAt) {
        const started = performance.now();
        try {
          await pool.query(`INSERT INTO bench_insert (phone, body) VALUES ($1, $2)`, [`15${String(++n).padStart(9, "0")}`, inquiryBody()]);
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    name: "bare INSERT (pg driver)",
    requestsPerSecond: latencies.length / SECONDS,
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
    errors,
  };
}

export async function benchInquiries(): Promise<void> {
  const postgres = benchPostgres();
  const dbName = `parklead_bench_${process.pid}`;
  const url = await freshDatabase(postgres.url, dbName);
  const server = await startServer(
    {
      DATABASE_URL: url,
      // Required with PostgreSQL; a throwaway one keeps the benchmark runnable without configuration.
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || randomBytes(32).toString("base64url"),
      PARKLEAD_DB_POOL_SIZE: "20",
      // Each request claims its own client address through one trusted proxy, so the per-IP limit
      // is exercised (a counter per request) without throttling the run.
      PARKLEAD_TRUSTED_PROXIES: "1",
    },
    PORT,
  );
  try {
    console.log(`\n== inquiries: ${CONNECTIONS} concurrent clients, ${SECONDS} s each, production build on PostgreSQL ==`);
    await load(`${server.url}/api/health`, { duration: 3 });
    const health = fromAutocannon("GET /api/health", await load(`${server.url}/api/health`, {}));

    let ip = 0;
    await load(`${server.url}/api/inquiries`, {
      duration: 3,
      requests: [{ method: "POST", setupRequest: (request) => ({ ...request, body: inquiryBody(), headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${(++ip >> 8) & 255}.${ip & 255}` } }) }],
    });
    const inquiries = fromAutocannon(
      "POST /api/inquiries",
      await load(`${server.url}/api/inquiries`, {
        requests: [
          {
            method: "POST",
            setupRequest: (request) => ({
              ...request,
              body: inquiryBody(),
              headers: { "content-type": "application/json", "x-forwarded-for": `10.${(++ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}` },
            }),
          },
        ],
      }),
    );
    const inserts = await bareInserts(url);

    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const stored = Number((await check.query(`SELECT count(*) FROM "Inquiry"`)).rows[0].count);
    await check.end();

    printTable([health, inquiries, inserts]);
    const rateRatio = inquiries.requestsPerSecond / health.requestsPerSecond;
    const p99Ratio = inquiries.p99 / health.p99;
    console.log(`inquiries stored: ${stored}`);
    console.log(`inquiries vs health: ${(rateRatio * 100).toFixed(0)}% of the rate (target ≥ 60%), p99 ${p99Ratio.toFixed(2)}× (target ≤ 1.5×)`);
    console.log(`inquiries vs bare INSERT: ${((inquiries.requestsPerSecond / inserts.requestsPerSecond) * 100).toFixed(0)}% of the rate`);
    console.log(`target ${rateRatio >= 0.6 && p99Ratio <= 1.5 ? "met" : "NOT met"}`);
  } finally {
    await server.stop();
    await dropDatabase(postgres.url, dbName);
    postgres.stop();
  }
}
