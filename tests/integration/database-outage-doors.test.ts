import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import pg from "pg";
import { describeOnPostgres } from "../support/databases";
import { startAppOnOutagePostgres, type Outage } from "../support/outage-database";

/*
 * Issue 9, item 7, beyond the inquiry door (database-outage.test.ts): with a PostgreSQL server of
 * this test's own closed to connections, every other route handler answers 503 with Retry-After
 * (never Next's empty 500), a server action answers the form "unavailable", signing in says the
 * database is down, and proxy.ts answers page views 503 until the database is back — then 200.
 */

const next = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {} }),
  headers: async () => next.headers,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// A signed-in manager without a session round trip, so each door's own query is what meets the outage.
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  getViewer: async () => ({ id: "outage-manager", email: "m@example.cn", name: "经理", role: "ADMIN" }),
}));

// A 1×1 PNG: the upload's checks pass and the listing lookup is what meets the outage.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describeOnPostgres("every door while the database is unavailable", () => {
  let server: Outage;

  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    server = await startAppOnOutagePostgres(4);
    const { GET } = await import("@/app/api/health/route");
    expect((await GET()).status).toBe(200); // opened and migrated
  });

  afterAll(async () => {
    const { markDatabaseAvailable } = await import("@/lib/db/availability");
    markDatabaseAvailable();
    const { getOpenedDatabase } = await import("@/lib/db/client");
    await (await getOpenedDatabase().catch(() => null))?.close();
    await server?.destroy();
  });

  it("answers 503 on every route, 'unavailable' to actions and sign-in, and 503 pages until it is back", async () => {
    const { proxy } = await import("@/proxy");
    const { databaseMarkedDown } = await import("@/lib/db/availability");
    const page = (method = "GET", headers: Record<string, string> = {}) =>
      proxy(new NextRequest("http://parks.example.cn/listings", { method, headers }));
    expect(page().status).toBe(200);

    await closeDatabase(true);
    try {
      const url = (path: string) => `http://parks.example.cn${path}`;
      const downloads = [
        (await import("@/app/crm/leads/export/route")).GET(new Request(url("/crm/leads/export"))),
        (await import("@/app/crm/reports/export/route")).GET(new Request(url("/crm/reports/export?report=funnel"))),
        (await import("@/app/crm/reports/export/workbook/route")).GET(
          new Request(url("/crm/reports/export/workbook?sheet=ledger")),
        ),
      ];
      for (const response of await Promise.all(downloads)) {
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("5");
        expect(response.headers.get("content-type")).toContain("text/plain");
        expect(await response.text()).toContain("数据库暂时不可用");
      }

      const form = new FormData();
      form.set("file", new File([PNG], "photo.png", { type: "image/png" }));
      form.set("alt", "厂房外景");
      const { POST: upload } = await import("@/app/crm/listings/[id]/photos/route");
      const uploaded = await upload(
        new Request(url("/crm/listings/cm0000000000000000000000a/photos"), { method: "POST", body: form }),
        {
          params: Promise.resolve({ id: "cm0000000000000000000000a" }),
        },
      );
      expect(uploaded.status).toBe(503);
      expect(uploaded.headers.get("retry-after")).toBe("5");
      expect(await uploaded.json()).toMatchObject({
        error: "database_unavailable",
        message: expect.stringContaining("数据库暂时不可用"),
      });

      const { claimLeadAction } = await import("@/lib/leads/assign/actions");
      expect(await claimLeadAction("cm0000000000000000000000b")).toEqual({ ok: false, error: "unavailable" });

      // next-auth turns what authorize() throws into the form's error code.
      const { authOptions } = await import("@/lib/auth/options");
      const credentials = (await authOptions()).providers[0] as unknown as {
        options: { authorize: (c: unknown, r: unknown) => Promise<unknown> };
      };
      await expect(
        credentials.options.authorize({ email: "m@example.cn", password: "irrelevant-pass" }, { headers: {} }),
      ).rejects.toThrow(/^unavailable$/);

      // The doors above marked the instance: page views are 503 at once, with the page's CSP; actions pass.
      expect(databaseMarkedDown()).toBe(true);
      const down = page();
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBe("5");
      expect(down.headers.get("cache-control")).toBe("no-store");
      expect(down.headers.get("content-security-policy")).toContain("'strict-dynamic'");
      const html = await down.text();
      expect(html).toContain("数据库暂时不可用");
      expect(html).toContain("The database is temporarily unavailable");
      expect(page("POST", { "next-action": "abc" }).status).toBe(200);
      await sleep(2500); // probes keep failing while closed
      expect(page().status).toBe(503);
    } finally {
      await closeDatabase(false);
    }

    // Back: a probe (at most once a second) clears the mark without any request.
    const backAt = Date.now();
    while (page().status === 503 && Date.now() - backAt < 10_000) await sleep(100);
    expect(page().status).toBe(200);
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
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
