import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Database } from "@/lib/db/client";
import { apiErrorSchema } from "@/lib/api/errors";
import { apiRoute, type ApiCaller } from "@/lib/api/route";
import { hashApiKey, keyOfRequest, newApiKey } from "@/lib/api/keys/authenticate";
import { REQUEST_LOG_RETENTION_DAYS } from "@/lib/api/keys/log";
import { prune } from "@/lib/notify/worker/prune";
import { openAppDatabase } from "@/lib/startup/open-app-database";
import { apiRequest, makeApiKey } from "../support/api-key-fixtures";
import { describeOnPostgres, freshPostgresDatabase, openTestPglite, type TestDatabase } from "../support/databases";
import { makePark, makeUser } from "../support/door-fixtures";

/*
 * The /api/v1 wrapper against a real database: the key, its scope and park, its per-minute limit
 * counted in the database (so two app instances share it), the request log and the last-used time.
 */

const current = vi.hoisted(() => ({ db: undefined as Database | undefined, failing: null as Error | null }));
vi.mock("@/lib/db/client", () => ({
  getDb: async () => {
    if (current.failing) throw current.failing;
    if (!current.db) throw new Error("no test database is open");
    return current.db;
  },
}));

interface Instances {
  /** the database as two app instances see it: on PostgreSQL two connection pools */
  first: Database;
  second: Database;
  cleanup(): Promise<void>;
}

async function pgliteInstances(): Promise<Instances> {
  const test: TestDatabase = await openTestPglite();
  return { first: test.opened.db, second: test.opened.db, cleanup: test.cleanup };
}

async function postgresInstances(): Promise<Instances> {
  const database = await freshPostgresDatabase();
  const first = await openAppDatabase({ kind: "postgres", url: database.url, poolSize: 2, seedDemo: false });
  const second = await openAppDatabase({ kind: "postgres", url: database.url, poolSize: 2, seedDemo: false });
  return {
    first: first.db,
    second: second.db,
    async cleanup() {
      await first.close();
      await second.close();
      await database.drop();
    },
  };
}

const seen: ApiCaller[] = [];
/** An endpoint as H5's are: it answers with the caller it was given. */
const endpoint = () =>
  apiRoute<{ id: string }>("api.v1.test", "leads:read", async (request, { caller, params, locale }) => {
    seen.push(caller);
    return Response.json({ caller, params, locale });
  });
const params = { params: Promise.resolve({ id: "x" }) };

async function errorOf(response: Response) {
  return apiErrorSchema.parse(await response.json()).error;
}

function wrapperSuite(open: () => Promise<Instances>) {
  let instances: Instances;
  let db: Database;
  let adminId: string;
  let parkId: string;

  beforeAll(async () => {
    instances = await open();
    db = current.db = instances.first;
    adminId = (await makeUser(db, "ADMIN")).id;
    parkId = (await makePark(db)).id;
  });
  afterAll(async () => {
    current.db = undefined;
    await instances.cleanup();
  });
  afterEach(() => {
    vi.useRealTimers();
    current.db = instances.first;
    current.failing = null;
  });

  it("lets a valid key in, with its scopes and its park restriction, and counts the request", async () => {
    const { id, key } = await makeApiKey(db, adminId, {
      scopes: ["leads:read", "listings:read"],
      parkId,
      rateLimit: 5,
    });
    const response = await endpoint()(apiRequest("/api/v1/leads/x", key), params);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.caller).toMatchObject({ keyId: id, scopes: ["leads:read", "listings:read"], parkId });
    expect(body.params).toEqual({ id: "x" });
    expect(body.locale).toBe("zh-CN");
    expect(response.headers.get("X-RateLimit-Limit")).toBe("5");
    expect(response.headers.get("X-RateLimit-Remaining")).toBe("4");
  });

  it("takes the key from X-Api-Key too, and answers in English when asked", async () => {
    const { key } = await makeApiKey(db, adminId, { scopes: ["leads:read"] });
    const request = apiRequest("/api/v1/leads/x", null, { headers: { "X-Api-Key": key, "Accept-Language": "en" } });
    const response = await endpoint()(request, params);
    expect(response.status).toBe(200);
    expect((await response.json()).locale).toBe("en");
  });

  it("refuses no key, a malformed key and an unknown key with 401 and a Bearer challenge", async () => {
    const unknown = newApiKey().key;
    for (const [key, message] of [
      [null, "缺少 API 密钥"],
      ["plk_short", "API 密钥无效"],
      [unknown, "API 密钥无效"],
    ] as const) {
      const response = await endpoint()(apiRequest("/api/v1/leads/x", key), params);
      expect(response.status).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      const error = await errorOf(response);
      expect(error.code).toBe("unauthorized");
      expect(error.message).toContain(message);
    }
  });

  it("refuses a revoked key and an expired one, and logs the attempt against the key without touching it", async () => {
    const revoked = await makeApiKey(db, adminId, { revokedAt: new Date() });
    const expired = await makeApiKey(db, adminId, { expiresAt: new Date(Date.now() - 1000) });
    for (const [{ id, key }, message] of [
      [revoked, "This API key has been revoked"],
      [expired, "This API key has expired"],
    ] as const) {
      const request = apiRequest("/api/v1/leads/x", key, { headers: { "Accept-Language": "en-GB,en;q=0.9" } });
      const response = await endpoint()(request, params);
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toMatchObject({ code: "unauthorized", message });
      const logged = await db.apiRequestLog.findMany({ where: { keyId: id } });
      expect(logged.map((row) => row.status)).toEqual([401]);
      expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    }
  });

  it("refuses a key without the endpoint's scope with 403 naming the scope", async () => {
    const { key } = await makeApiKey(db, adminId, { scopes: ["inquiries:write"] });
    const before = seen.length;
    const response = await endpoint()(apiRequest("/api/v1/leads/x", key), params);
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ code: "forbidden", message: "此 API 密钥没有 leads:read 权限" });
    expect(seen.length).toBe(before);
  });

  it("answers 429 with Retry-After to the request past the limit, counted across two instances", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T02:00:10Z"));
    const { key } = await makeApiKey(db, adminId, { scopes: ["leads:read"], rateLimit: 3 });
    const instanceA = endpoint();
    const instanceB = endpoint();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (const [index, instance] of [instanceA, instanceB, instanceA, instanceB].entries()) {
      current.db = index % 2 === 0 ? instances.first : instances.second;
      last = await instance(apiRequest("/api/v1/leads/x", key), params);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last!.headers.get("Retry-After")).toBe("50");
    expect(last!.headers.get("X-RateLimit-Remaining")).toBe("0");
    expect(await errorOf(last!)).toMatchObject({ code: "rate_limited" });
    // The next minute is a new window.
    vi.setSystemTime(new Date("2026-12-07T02:01:00Z"));
    expect((await instanceA(apiRequest("/api/v1/leads/x", key), params)).status).toBe(200);
  });

  it("logs each answer without the query string, and moves the last-used time at most once a minute", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { id, key } = await makeApiKey(db, adminId, { scopes: ["leads:read"] });
    const at = (time: string) => {
      vi.setSystemTime(new Date(time));
      return endpoint()(apiRequest("/api/v1/leads/x?phone=13800138000&limit=5", key), params);
    };
    await at("2026-12-07T03:00:00Z");
    await at("2026-12-07T03:00:40Z");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(new Date("2026-12-07T03:00:00Z"));
    await at("2026-12-07T03:01:30Z");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(new Date("2026-12-07T03:01:30Z"));
    const logged = await db.apiRequestLog.findMany({ where: { keyId: id }, orderBy: { id: "asc" } });
    expect(logged.map((row) => [row.method, row.path, row.status])).toEqual([
      ["GET", "/api/v1/leads/x", 200],
      ["GET", "/api/v1/leads/x", 200],
      ["GET", "/api/v1/leads/x", 200],
    ]);
    expect(logged.every((row) => row.durationMs >= 0)).toBe(true);
  });

  it("answers 403 for an AccessDenied from lib/, and rethrows any other error after logging it as 500", async () => {
    const { id, key } = await makeApiKey(db, adminId, { scopes: ["leads:write"] });
    const denied = apiRoute("api.v1.test", "leads:write", async () => {
      throw new AccessDenied("test");
    });
    const response = await denied(apiRequest("/api/v1/leads", key, { method: "POST" }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ code: "forbidden", message: "此 API 密钥无权执行该操作" });
    const broken = apiRoute("api.v1.test", "leads:write", async () => {
      throw new TypeError("a bug");
    });
    await expect(
      broken(apiRequest("/api/v1/leads", key, { method: "POST" }), { params: Promise.resolve({}) }),
    ).rejects.toThrow("a bug");
    const logged = await db.apiRequestLog.findMany({ where: { keyId: id }, orderBy: { id: "asc" } });
    expect(logged.map((row) => [row.method, row.status])).toEqual([
      ["POST", 403],
      ["POST", 500],
    ]);
  });

  it("answers 503 unavailable with Retry-After while the database cannot be reached", async () => {
    const { key } = await makeApiKey(db, adminId, { scopes: ["leads:read"] });
    current.failing = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const response = await endpoint()(apiRequest("/api/v1/leads/x", key), params);
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect(await errorOf(response)).toMatchObject({ code: "unavailable" });
  });

  it("stores only the key's hash and a short prefix, and the hourly housekeeping prunes log rows and rate-limit windows past their time", async () => {
    const { id, key } = await makeApiKey(db, adminId);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(stored.hash).toBe(hashApiKey(key));
    expect(key.startsWith(stored.prefix)).toBe(true);
    expect(stored.prefix).toHaveLength(12);
    expect(JSON.stringify(stored)).not.toContain(key);
    const now = new Date();
    const old = new Date(now.getTime() - (REQUEST_LOG_RETENTION_DAYS + 1) * 24 * 3_600_000);
    await db.apiRequestLog.createMany({
      data: [
        { keyId: id, method: "GET", path: "/api/v1/leads", status: 200, durationMs: 3, createdAt: old },
        { keyId: id, method: "GET", path: "/api/v1/leads", status: 200, durationMs: 3, createdAt: now },
      ],
    });
    await db.rateLimitCounter.create({ data: { key: `api-key:${id}`, windowStart: old, count: 3 } });
    // The worker's hourly housekeeping is what runs it.
    expect(await prune(db, now)).toMatchObject({ apiRequests: 1, rateLimitWindows: 1 });
    expect(await db.rateLimitCounter.count({ where: { key: `api-key:${id}` } })).toBe(0);
    expect(await db.apiRequestLog.count({ where: { keyId: id } })).toBe(1);
  });
}

describe("keyOfRequest", () => {
  it("reads a bearer token first, then X-Api-Key", () => {
    expect(keyOfRequest(new Headers({ Authorization: "Bearer plk_a", "X-Api-Key": "plk_b" }))).toBe("plk_a");
    expect(keyOfRequest(new Headers({ "X-Api-Key": " plk_b " }))).toBe("plk_b");
    expect(keyOfRequest(new Headers({ Authorization: "Basic abc" }))).toBeNull();
  });
});

describe("the API wrapper on PGlite", () => wrapperSuite(pgliteInstances));
describeOnPostgres("the API wrapper on PostgreSQL", () => wrapperSuite(postgresInstances));
