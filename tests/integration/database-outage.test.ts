import { afterAll, beforeAll, expect, it, vi } from "vitest";
import pg from "pg";
import { describeOnPostgres } from "../support/databases";
import { startAppOnOutagePostgres, type Outage } from "../support/outage-database";
import { inquiryBody, inquiryForm, uniqueIp } from "../support/door-fixtures";

/*
 * Issue 9, item 7: a PostgreSQL server of this test's own is stopped (fast, then as a crash) and
 * started again while clients keep sending inquiries through the real route handler, using the
 * app's own process-wide database (lib/db/client.ts), as a running server does. Every answer is a
 * 201 or a 503 with its body and Retry-After; every 201 is stored; health says 503 while down and
 * 200 after; the app recovers without being restarted.
 */

const next = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {} }),
  headers: async () => next.headers,
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect to ${url}`), { redirectedTo: url });
  },
}));

const CLIENTS = 8;

describeOnPostgres("database outage under a stream of inquiries", () => {
  let server: Outage;
  let routes: { POST: (request: Request) => Promise<Response>; GET: () => Promise<Response> };

  beforeAll(async () => {
    // Thousands of one-line events (inquiry.created, database.unavailable) would bury the result.
    vi.spyOn(console, "log").mockImplementation(() => {});
    server = await startAppOnOutagePostgres(6);
    process.env.PARKLEAD_FORM_MIN_FILL_MS = "0";
    const [inquiries, health] = await Promise.all([
      import("@/app/api/inquiries/route"),
      import("@/app/api/health/route"),
    ]);
    routes = { POST: inquiries.POST, GET: health.GET };
  });

  afterAll(async () => {
    const { getOpenedDatabase } = await import("@/lib/db/client");
    await (await getOpenedDatabase().catch(() => null))?.close();
    await server?.destroy();
  });

  it("answers 201 or 503 only, stores every 201, and recovers by itself", async () => {
    expect((await routes.GET()).status).toBe(200);

    const statuses = new Map<number, number>();
    const acknowledged = new Map<string, string>(); // phone → reference
    const unavailableBodies: unknown[] = [];
    let sending = true;

    // Each client sends one inquiry after another; on a 503 it retries the same one with the same
    // Idempotency-Key, as a well-behaved client does, so what the server stored is never lost or doubled.
    const client = async (index: number) => {
      const ip = uniqueIp();
      while (sending) {
        const body = inquiryBody();
        const key = crypto.randomUUID();
        for (;;) {
          const response = await routes
            .POST(
              new Request("http://localhost/api/inquiries", {
                method: "POST",
                headers: {
                  "content-type": "application/json",
                  "idempotency-key": key,
                  "x-parklead-peer": ip,
                  "x-forwarded-for": ip,
                },
                body: JSON.stringify(body),
              }),
            )
            .catch(() => new Response(null, { status: 500 })); // what Next answers when a route handler throws
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status === 201) {
            acknowledged.set(body.phone, ((await response.json()) as { reference: string }).reference);
            break;
          }
          if (response.status !== 503) return;
          expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
          if (unavailableBodies.length < 3) unavailableBodies.push(await response.json());
          await sleep(50 + index * 5);
        }
      }
    };

    const healthDuringOutage: number[] = [];
    // Inquiries that met the outage mark this instance, so its page views answer 503 (proxy.ts).
    const { databaseMarkedDown } = await import("@/lib/db/availability");
    const markedDuringOutage: boolean[] = [];
    const probeWhileDown = async () => {
      for (let i = 0; i < 3; i++) {
        healthDuringOutage.push((await routes.GET()).status);
        await sleep(200);
      }
      markedDuringOutage.push(databaseMarkedDown());
    };

    const stream = Array.from({ length: CLIENTS }, (_, index) => client(index));
    await sleep(800);
    // A clean stop: sessions end with 57P01, new connections are refused.
    await server.stop("fast");
    await probeWhileDown();
    const formWhileDown = await sendFormWhileDown();
    await server.start();
    await sleep(800);
    // A crash: the next start runs recovery and answers 57P03 "not yet accepting connections" meanwhile.
    await server.stop("immediate");
    await probeWhileDown();
    await server.start({ wait: false });
    const backAt = Date.now();
    let healthyAfterMs = -1;
    while (Date.now() - backAt < 15_000) {
      if ((await routes.GET()).status === 200) {
        healthyAfterMs = Date.now() - backAt;
        break;
      }
      await sleep(100);
    }
    await sleep(500);
    // An administrator closes the database to connections (FATAL 55000), as the browser journey does.
    await closeDatabase(true);
    await probeWhileDown();
    await closeDatabase(false);
    await sleep(800);
    sending = false;
    await Promise.all(stream);
    const markClearedBy = Date.now() + 5_000;
    while (databaseMarkedDown() && Date.now() < markClearedBy) await sleep(100);

    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(unavailableBodies[0]).toMatchObject({
      error: "database_unavailable",
      message: expect.stringContaining("数据库暂时不可用"),
    });
    expect(healthDuringOutage.every((status) => status === 503)).toBe(true);
    expect(healthyAfterMs).toBeGreaterThanOrEqual(0);
    expect(markedDuringOutage).toEqual([true, true, true]);
    expect(databaseMarkedDown()).toBe(false);
    expect(formWhileDown).toMatchObject({
      status: "error",
      formError: "unavailable",
      values: { company: expect.stringContaining("门测电机") },
    });

    const reader = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await reader.connect();
    try {
      const { rows } = await reader.query<{ phone: string; reference: string }>(
        `SELECT "phone", "reference" FROM "Inquiry" WHERE "phone" = ANY($1)`,
        [[...acknowledged.keys()]],
      );
      expect(new Map(rows.map((row) => [row.phone, row.reference]))).toEqual(acknowledged);
    } finally {
      await reader.end();
    }
    expect(acknowledged.size).toBeGreaterThan(CLIENTS);
  });

  async function closeDatabase(closed: boolean) {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE parklead ALLOW_CONNECTIONS ${closed ? "false" : "true"}`);
      if (closed)
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'parklead'`);
    } finally {
      await admin.end();
    }
  }

  /** The public form's action while the database is down: says so and hands back what was typed. */
  async function sendFormWhileDown() {
    const { sendInquiry } = await import("@/lib/inquiries/actions");
    next.headers = new Headers({ "x-parklead-peer": uniqueIp() });
    const form = inquiryForm(inquiryBody().phone);
    return sendInquiry({ status: "idle" }, form);
  }
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
