import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditWriter } from "@/lib/audit/sentences";
import { AccessDenied } from "@/lib/auth/access";
import { loadMessages } from "@/lib/i18n/messages";
import type { Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import { authenticateApiKey, hashApiKey } from "@/lib/api/keys/authenticate";
import { createApiKey, revokeApiKey } from "@/lib/api/keys/mutations";
import { apiKeyRequests, listApiKeys, REQUEST_LOG_PAGE_SIZE } from "@/lib/api/keys/queries";
import { makeApiKey } from "../support/api-key-fixtures";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makePark, makeUser } from "../support/door-fixtures";

/*
 * The admin's side of API keys: a key made and shown once (only its hash kept), its expiry at the
 * end of its last Shanghai day, an immediate revoke, both audited without the key, and a key's
 * request log paged newest first with its last day counted by status.
 */

function adminSuite(open: () => Promise<TestDatabase>) {
  let test: TestDatabase;
  let db: Database;
  let admin: Viewer;
  let parkId: string;

  beforeAll(async () => {
    test = await open();
    db = test.opened.db;
    const person = await makeUser(db, "ADMIN");
    admin = { ...person, role: "ADMIN" } as Viewer;
    parkId = (await makePark(db)).id;
  });
  afterAll(() => test.cleanup());

  it("creates a key, answers it once, and keeps only its hash and prefix, audited without the key", async () => {
    const now = new Date("2026-12-06T14:00:00Z");
    const created = await createApiKey(
      db,
      admin,
      {
        name: " 官网表单 ",
        scopes: ["leads:read", "inquiries:write"],
        parkId,
        expiresOn: "2026-12-31",
        rateLimit: "60",
      },
      now,
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(created.key).toMatch(/^plk_[A-Za-z0-9_-]{43}$/);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({
      name: "官网表单",
      scopes: ["inquiries:write", "leads:read"],
      parkId,
      rateLimit: 60,
      hash: hashApiKey(created.key),
      prefix: created.key.slice(0, 12),
      createdById: admin.id,
      // The last day works until its Shanghai midnight.
      expiresAt: new Date("2026-12-31T16:00:00Z"),
    });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: created.id } });
    expect(audit).toMatchObject({ action: "apiKey.create", entityType: "ApiKey", actorId: admin.id });
    expect(JSON.stringify(audit.details)).not.toContain(created.key);
    expect(JSON.stringify(await listApiKeys(db, admin))).not.toContain(stored.hash);
  });

  it("refuses bad input with the form's message keys", async () => {
    const now = new Date("2026-12-06T14:00:00Z");
    const base = { name: "合作平台", scopes: ["leads:read"], rateLimit: "120" };
    const refusal = async (input: object) => {
      const answer = await createApiKey(db, admin, input, now);
      return answer.ok ? null : answer.fieldErrors;
    };
    expect(await refusal({ ...base, name: "" })).toEqual({ name: "required" });
    expect(await refusal({ ...base, scopes: [] })).toEqual({ scopes: "scopeRequired" });
    expect(await refusal({ ...base, scopes: ["leads:delete"] })).toMatchObject({ "scopes.0": "choice" });
    expect(await refusal({ ...base, rateLimit: "0" })).toMatchObject({ rateLimit: expect.stringMatching(/^tooSmall/) });
    expect(await refusal({ ...base, expiresOn: "2026-12-05" })).toEqual({ expiresOn: "pastDay" });
    expect(await refusal({ ...base, expiresOn: "2026-02-30" })).toEqual({ expiresOn: "date" });
    expect(await refusal({ ...base, parkId: "no-such-park" })).toEqual({ parkId: "notFound" });
    // Today is still allowed: the key works until the day ends.
    expect(await refusal({ ...base, expiresOn: "2026-12-06" })).toBeNull();
  });

  it("refuses everyone but an admin", async () => {
    const manager = { ...(await makeUser(db, "MANAGER")), role: "MANAGER" } as Viewer;
    await expect(createApiKey(db, manager, { name: "x", scopes: ["leads:read"], rateLimit: 1 })).rejects.toThrow(
      AccessDenied,
    );
    await expect(listApiKeys(db, null)).rejects.toThrow(AccessDenied);
  });

  it("revokes a key at once, once, audited", async () => {
    const { id, key } = await makeApiKey(db, admin.id, { scopes: ["leads:read"] });
    expect((await authenticateApiKey(db, key, new Date())).ok).toBe(true);
    expect(await revokeApiKey(db, admin, { keyId: id })).toEqual({ ok: true });
    expect(await authenticateApiKey(db, key, new Date())).toEqual({ ok: false, reason: "revoked", keyId: id });
    expect(await revokeApiKey(db, admin, { keyId: id })).toEqual({ ok: true });
    expect(await db.auditEntry.count({ where: { entityId: id, action: "apiKey.revoke" } })).toBe(1);
    expect(await db.apiKey.findUniqueOrThrow({ where: { id } })).toMatchObject({ revokedById: admin.id });
    expect(await revokeApiKey(db, admin, { keyId: "missing" })).toEqual({
      ok: false,
      fieldErrors: { keyId: "notFound" },
    });
  });

  it("pages a key's request log newest first and counts its last day by status", async () => {
    const { id } = await makeApiKey(db, admin.id);
    const now = new Date("2026-12-06T12:00:00Z");
    const rows = Array.from({ length: REQUEST_LOG_PAGE_SIZE + 5 }, (_, index) => ({
      keyId: id,
      method: "GET",
      path: "/api/v1/leads",
      status: index % 5 === 0 ? 429 : 200,
      durationMs: index,
      createdAt: new Date(now.getTime() - (index < 3 ? 2 * 86_400_000 : 60_000) + index),
    }));
    await db.apiRequestLog.createMany({ data: rows });
    const first = await apiKeyRequests(db, admin, id, undefined, now);
    expect(first!.requests).toHaveLength(REQUEST_LOG_PAGE_SIZE);
    expect(first!.older).not.toBeNull();
    const second = await apiKeyRequests(db, admin, id, first!.older!, now);
    expect(second!.requests).toHaveLength(5);
    expect(second!.older).toBeNull();
    const ids = [...first!.requests, ...second!.requests].map((row) => BigInt(row.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    // Rows 0–2 are two days old; of the rest, every fifth is a 429.
    expect(first!.lastDay).toEqual([
      { status: 200, count: 42 },
      { status: 429, count: 10 },
    ]);
    expect(await apiKeyRequests(db, admin, "missing", undefined, now)).toBeNull();
    // A malformed cursor reads as the first page.
    expect((await apiKeyRequests(db, admin, id, "x'; DROP", now))!.requests[0].id).toBe(first!.requests[0].id);
  });
}

describe("API keys for admins on PGlite", () => adminSuite(() => openTestPglite()));
describeOnPostgres("API keys for admins on PostgreSQL", () => adminSuite(() => openTestPostgres()));

describe("API key audit entries as sentences", () => {
  const names = {
    users: new Map(),
    leads: new Map(),
    listings: new Map(),
    parks: new Map([["p1", { name: "平湖科创智谷", nameEn: "Pinghu Innovation Valley" }]]),
    stages: new Map(),
    lostReasons: new Map(),
    channels: new Map(),
  };
  const subject = (action: string, details: object) => ({
    action,
    entityType: "ApiKey",
    entityId: "k1",
    details,
    actorName: "王芳",
  });

  it("names the key, its scopes, park, expiry and limit, never more of the key than its prefix", async () => {
    const created = subject("apiKey.create", {
      name: "官网表单",
      prefix: "plk_abcdefgh",
      scopes: ["inquiries:write", "leads:read"],
      parkId: "p1",
      expiresOn: "2026-12-31",
      rateLimit: 60,
    });
    expect(auditWriter(await loadMessages("zh-CN"), "zh-CN", names)(created)).toEqual({
      sentence: "王芳 新建了 API 密钥 官网表单",
      changes: ["权限：提交咨询、读取线索", "所在园区：平湖科创智谷", "到期日：2026-12-31", "每分钟请求上限：60"],
    });
    const revoked = subject("apiKey.revoke", { name: "官网表单", prefix: "plk_abcdefgh" });
    expect(auditWriter(await loadMessages("en"), "en", names)(revoked).sentence).toBe(
      "王芳 revoked the API key 官网表单",
    );
  });
});
