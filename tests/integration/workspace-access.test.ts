import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditActors, auditLog, listAuditEntries } from "@/lib/audit/queries";
import { AccessDenied } from "@/lib/auth/access";
import { ADDRESS_FAILURES_BEFORE_DELAY, authenticate, delayAfter, type Authentication } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { openAppDatabase } from "@/lib/startup/open-app-database";
import { DEMO_ADMIN_EMAIL, ensureFirstAdmin } from "@/lib/users/first-admin";
import { changeUserRole, createUser, resetUserPassword, setUserActive } from "@/lib/users/mutations";
import { listUsers } from "@/lib/users/queries";
import { describeOnPostgres, freshPostgresDatabase } from "../support/databases";

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${process.pid}-${++counter}@park.test`;
const reasonOf = (answer: Authentication) => (answer.ok ? "ok" : answer.reason);

function workspaceSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const viewers = {} as Record<"staff" | "manager" | "admin" | "deactivated", Viewer>;

  async function makeUser(role: Role, password = "correct horse battery", active = true): Promise<Viewer> {
    const email = uniqueEmail(role.toLowerCase());
    const user = await opened.db.user.create({
      data: { email, name: `${role} 测试`, role, active, passwordHash: await hashPassword(password) },
    });
    return { id: user.id, email, name: user.name, role };
  }

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    viewers.staff = await makeUser("STAFF");
    viewers.manager = await makeUser("MANAGER");
    viewers.admin = await makeUser("ADMIN");
    viewers.deactivated = await makeUser("ADMIN", "correct horse battery", false);
  });
  afterAll(async () => {
    await cleanup?.();
  });

  describe("signing in", () => {
    it("accepts the right password, whatever the email's case, and refuses a wrong one", async () => {
      const ok = await authenticate(opened.db, viewers.staff.email.toUpperCase(), "correct horse battery", "10.1.0.1");
      expect(ok).toMatchObject({ ok: true, user: { id: viewers.staff.id, role: "STAFF" } });
      expect(await authenticate(opened.db, viewers.staff.email, "wrong", "10.1.0.1")).toEqual({
        ok: false,
        reason: "invalid",
      });
      expect(await authenticate(opened.db, "nobody@park.test", "wrong", "10.1.0.1")).toEqual({
        ok: false,
        reason: "invalid",
      });
    });

    it("refuses a deactivated user even with the right password", async () => {
      expect(await authenticate(opened.db, viewers.deactivated.email, "correct horse battery", "10.1.0.2")).toEqual({
        ok: false,
        reason: "inactive",
      });
    });

    it("lets the owner sign in from their address while an attacker fails again and again from another", async () => {
      const owner = await makeUser("ADMIN");
      const start = new Date("2026-11-25T01:00:00Z");
      const attacker = `10.2.${process.pid % 250}.66`;
      const answers = [];
      for (let attempt = 0; attempt < 12; attempt++)
        answers.push(await authenticate(opened.db, owner.email, `guess ${attempt}`, attacker, start));
      expect(answers.slice(0, 4)).toEqual(Array(4).fill({ ok: false, reason: "invalid" }));
      expect(answers.slice(4)).toEqual(Array(8).fill({ ok: false, reason: "throttled", retryAfterSeconds: 60 }));
      expect(
        await authenticate(opened.db, owner.email, "correct horse battery", `10.2.${process.pid % 250}.67`, start),
      ).toMatchObject({ ok: true });
      // The attacker's address stays slowed down for this email, even with the right password.
      expect(await authenticate(opened.db, owner.email, "correct horse battery", attacker, start)).toMatchObject({
        ok: false,
        reason: "throttled",
      });
      const row = await opened.db.user.findUniqueOrThrow({ where: { id: owner.id } });
      expect(row).toMatchObject({ active: true, lastLoginAt: start });
    });

    it("slows an email from one address down after five failures in a row, doubling, then lets it in and starts over", async () => {
      const user = await makeUser("STAFF");
      const ip = `10.3.${process.pid % 250}.5`;
      const start = new Date("2026-11-25T02:00:00Z");
      for (let attempt = 1; attempt <= 4; attempt++) {
        expect(await authenticate(opened.db, user.email, "wrong", ip, start)).toEqual({ ok: false, reason: "invalid" });
      }
      expect(await authenticate(opened.db, user.email, "wrong", ip, start)).toEqual({
        ok: false,
        reason: "throttled",
        retryAfterSeconds: 60,
      });
      const soon = new Date(start.getTime() + 30_000);
      expect(await authenticate(opened.db, user.email, "correct horse battery", ip, soon)).toEqual({
        ok: false,
        reason: "throttled",
        retryAfterSeconds: 30,
      });
      const later = new Date(start.getTime() + 61_000);
      expect(await authenticate(opened.db, user.email, "wrong", ip, later)).toEqual({
        ok: false,
        reason: "throttled",
        retryAfterSeconds: 120,
      });
      const muchLater = new Date(later.getTime() + 121_000);
      expect(await authenticate(opened.db, user.email, "correct horse battery", ip, muchLater)).toMatchObject({
        ok: true,
      });
      expect(await authenticate(opened.db, user.email, "wrong", ip, muchLater)).toEqual({
        ok: false,
        reason: "invalid",
      });
    });

    it("answers an unknown email exactly as a known one: the same reasons, throttled after the same count", async () => {
      const known = await makeUser("MANAGER");
      const start = new Date("2026-11-25T04:00:00Z");
      const run = async (email: string, ip: string) => {
        const answers = [];
        for (let attempt = 0; attempt < 7; attempt++)
          answers.push(
            await authenticate(opened.db, email, "wrong password", ip, new Date(start.getTime() + attempt * 1000)),
          );
        return answers;
      };
      const forKnown = await run(known.email, `10.4.${process.pid % 250}.1`);
      const forUnknown = await run(uniqueEmail("nobody"), `10.4.${process.pid % 250}.2`);
      expect(forUnknown).toEqual(forKnown);
      expect(forKnown.map(reasonOf)).toEqual([
        "invalid",
        "invalid",
        "invalid",
        "invalid",
        "throttled",
        "throttled",
        "throttled",
      ]);
    });

    it("slows an address down after ten failures in a row across emails; a success clears it", async () => {
      const ip = `10.5.${process.pid % 250}.9`;
      const start = new Date("2026-11-25T03:00:00Z");
      const sprayed = [];
      for (let attempt = 1; attempt <= 10; attempt++)
        sprayed.push(await authenticate(opened.db, uniqueEmail("guess"), "guess", ip, start));
      expect(sprayed.map(reasonOf)).toEqual([...Array(9).fill("invalid"), "throttled"]);
      const blocked = await authenticate(
        opened.db,
        viewers.manager.email,
        "correct horse battery",
        ip,
        new Date(start.getTime() + 1000),
      );
      expect(blocked).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 59 });
      // Another address is not affected.
      expect(
        await authenticate(
          opened.db,
          viewers.manager.email,
          "correct horse battery",
          `10.5.${process.pid % 250}.10`,
          start,
        ),
      ).toMatchObject({ ok: true });
      const after = new Date(start.getTime() + 61_000);
      expect(await authenticate(opened.db, viewers.manager.email, "correct horse battery", ip, after)).toMatchObject({
        ok: true,
      });
      expect(await authenticate(opened.db, uniqueEmail("guess"), "guess", ip, after)).toEqual({
        ok: false,
        reason: "invalid",
      });
    });

    it("doubles the delay with each further failure up to 15 minutes", () => {
      expect([4, 5, 6, 7, 20].map((failures) => delayAfter(failures))).toEqual([0, 60, 120, 240, 900]);
      expect([9, 10, 11].map((failures) => delayAfter(failures, ADDRESS_FAILURES_BEFORE_DELAY))).toEqual([0, 60, 120]);
    });
  });

  describe("user management: who may do what", () => {
    const doors = {
      listUsers: (viewer: Viewer | null) => listUsers(opened.db, viewer),
      createUser: (viewer: Viewer | null) =>
        createUser(opened.db, viewer, {
          email: uniqueEmail("new"),
          name: "新同事",
          role: "STAFF",
          password: "first password",
        }),
      changeUserRole: (viewer: Viewer | null) =>
        changeUserRole(opened.db, viewer, { userId: viewers.staff.id, role: "STAFF" }),
      setUserActive: (viewer: Viewer | null) =>
        setUserActive(opened.db, viewer, { userId: viewers.staff.id, active: true }),
      resetUserPassword: async (viewer: Viewer | null) => {
        const target = await makeUser("STAFF");
        return resetUserPassword(opened.db, viewer, { userId: target.id });
      },
      listAuditEntries: (viewer: Viewer | null) => listAuditEntries(opened.db, viewer),
      auditLog: async (viewer: Viewer | null) => (await auditLog(opened.db, viewer, {}, "zh-CN")).entries,
      auditActors: (viewer: Viewer | null) => auditActors(opened.db, viewer),
    };
    const callers = ["anonymous", "staff", "manager", "deactivated", "admin"] as const;

    for (const [door, call] of Object.entries(doors)) {
      for (const caller of callers) {
        const allowed = caller === "admin";
        it(`${door} × ${caller}: ${allowed ? "allowed" : "refused"}`, async () => {
          // A deactivated admin's viewer is never built (getViewer returns null), so it arrives as null.
          const viewer = caller === "anonymous" || caller === "deactivated" ? null : viewers[caller];
          if (allowed) {
            const result = await call(viewer);
            if (!Array.isArray(result)) expect(result).toMatchObject({ ok: true });
          } else {
            await expect(call(viewer)).rejects.toBeInstanceOf(AccessDenied);
          }
        });
      }
    }
  });

  describe("admin changes", () => {
    it("creates a user once per email, audited, with field errors for bad input", async () => {
      const email = uniqueEmail("invitee");
      const created = await createUser(opened.db, viewers.admin, {
        email: ` ${email.toUpperCase()} `,
        name: "李招商",
        role: "STAFF",
        password: "first password",
      });
      expect(created).toMatchObject({ ok: true });
      expect(
        await createUser(opened.db, viewers.admin, { email, name: "重复", role: "STAFF", password: "first password" }),
      ).toEqual({
        ok: false,
        fieldErrors: { email: "emailTaken" },
      });
      expect(
        await createUser(opened.db, viewers.admin, {
          email: "not an email",
          name: "",
          role: "BOSS",
          password: "short",
        }),
      ).toEqual({
        ok: false,
        fieldErrors: { email: "email", name: "required", role: "required", password: "tooShort:10" },
      });
      if (!created.ok) return;
      expect(await authenticate(opened.db, email, "first password", "10.4.0.1")).toMatchObject({
        ok: true,
        user: { role: "STAFF" },
      });
      const audit = await opened.db.auditEntry.findFirstOrThrow({
        where: { entityId: created.id, action: "user.create" },
      });
      expect(audit).toMatchObject({ actorId: viewers.admin.id, details: { email, role: "STAFF" } });
      expect(JSON.stringify(audit.details)).not.toContain("first password");
    });

    it("ends the sessions of a user who is deactivated, reset or changes role", async () => {
      const user = await makeUser("STAFF");
      const version = async () => (await opened.db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
      const start = await version();
      await setUserActive(opened.db, viewers.admin, { userId: user.id, active: false });
      expect(await version()).toBe(start + 1);
      expect(await authenticate(opened.db, user.email, "correct horse battery", "10.5.0.1")).toEqual({
        ok: false,
        reason: "inactive",
      });
      await setUserActive(opened.db, viewers.admin, { userId: user.id, active: true });
      await changeUserRole(opened.db, viewers.admin, { userId: user.id, role: "MANAGER" });
      const reset = await resetUserPassword(opened.db, viewers.admin, { userId: user.id });
      expect(await version()).toBe(start + 4);
      if (!reset.ok) throw new Error("reset failed");
      expect(await authenticate(opened.db, user.email, "correct horse battery", "10.5.0.1")).toEqual({
        ok: false,
        reason: "invalid",
      });
      expect(await authenticate(opened.db, user.email, reset.password, "10.5.0.1")).toMatchObject({
        ok: true,
        user: { role: "MANAGER" },
      });
      const actions = (
        await opened.db.auditEntry.findMany({ where: { entityId: user.id }, orderBy: { createdAt: "asc" } })
      ).map((entry) => entry.action);
      expect(actions).toEqual(["user.deactivate", "user.reactivate", "user.role", "user.password_reset"]);
    });

    it("never leaves the workspace without an active admin, even when two admins demote each other at once", async () => {
      const db = opened.db;
      // Only the two admins of this test stay active.
      await db.user.updateMany({ where: { role: "ADMIN", active: true }, data: { active: false } });
      const first = await makeUser("ADMIN");
      const second = await makeUser("ADMIN");
      const results = await Promise.all([
        changeUserRole(db, first, { userId: second.id, role: "STAFF" }),
        changeUserRole(db, second, { userId: first.id, role: "STAFF" }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toEqual({ ok: false, fieldErrors: { userId: "lastAdmin" } });
      expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
      await db.user.update({ where: { id: viewers.admin.id }, data: { active: true } });
    });
  });

  describe("the first admin", () => {
    it("is created from ADMIN_EMAIL/ADMIN_PASSWORD only in an empty workspace", async () => {
      const before = await opened.db.user.count();
      await ensureFirstAdmin(opened.db, { email: "boss@park.test", password: "a long password", generate: true });
      expect(await opened.db.user.count()).toBe(before);
    });
  });
}

describe("the embedded demo's first admin", () => {
  it("gets a generated password, printed once and never again", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "parklead-demo-admin-"));
    const print = vi.spyOn(console, "log");
    const opened = await openAppDatabase({ kind: "pglite", dataDir, seedDemo: false, firstAdmin: { generate: true } });
    try {
      const shown = print.mock.calls.map((call) => String(call[0])).filter((line) => line.includes("Parklead admin"));
      expect(shown).toHaveLength(1);
      const password = shown[0].match(/password:\s+(\S+)/)?.[1];
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
      expect(await authenticate(opened.db, DEMO_ADMIN_EMAIL, password!, "10.7.0.1")).toMatchObject({
        ok: true,
        user: { role: "ADMIN" },
      });
      print.mockClear();
      await ensureFirstAdmin(opened.db, { generate: true });
      expect(print.mock.calls.some((call) => String(call[0]).includes("Parklead admin"))).toBe(false);
      expect(await opened.db.user.count()).toBe(1);
    } finally {
      print.mockRestore();
      await opened.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("workspace access on PGlite", () => {
  workspaceSuite(async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "parklead-access-"));
    const opened = await openAppDatabase({ kind: "pglite", dataDir, seedDemo: false });
    return {
      opened,
      cleanup: async () => {
        await opened.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  });
});

describeOnPostgres("workspace access on PostgreSQL", () => {
  workspaceSuite(async () => {
    const database = await freshPostgresDatabase();
    const opened = await openAppDatabase({ kind: "postgres", url: database.url, poolSize: 4, seedDemo: false });
    return {
      opened,
      cleanup: async () => {
        await opened.close();
        await database.drop();
      },
    };
  });

  it("creates the first admin once when two instances start on an empty database together", async () => {
    const database = await freshPostgresDatabase();
    const firstAdmin = { email: "Boss@Park.test", password: "a long password", generate: false };
    const instances = await Promise.all(
      [0, 1].map(() =>
        openAppDatabase({ kind: "postgres", url: database.url, poolSize: 2, seedDemo: false, firstAdmin }),
      ),
    );
    try {
      const admins = await instances[0].db.user.findMany();
      expect(admins).toHaveLength(1);
      expect(admins[0]).toMatchObject({ email: "boss@park.test", role: "ADMIN", active: true });
      expect(await authenticate(instances[1].db, "boss@park.test", "a long password", "10.6.0.1")).toMatchObject({
        ok: true,
      });
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await database.drop();
    }
  });
});
