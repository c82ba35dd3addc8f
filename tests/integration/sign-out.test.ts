import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { viewerForSession } from "@/lib/auth/session";
import { endSessions } from "@/lib/auth/sign-out";
import type { OpenedDatabase } from "@/lib/db/open";
import { openAppDatabase } from "@/lib/startup/open-app-database";

let opened: OpenedDatabase;
let dataDir: string;

// next-auth's sign-out event reaches the database through getDb(), as in production.
vi.mock("@/lib/db/client", () => ({ getDb: async () => opened.db }));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "parklead-sign-out-"));
  opened = await openAppDatabase({ kind: "pglite", dataDir, seedDemo: false });
});
afterAll(async () => {
  await opened?.close();
  await rm(dataDir, { recursive: true, force: true });
});

let counter = 0;
async function signedIn(): Promise<{ userId: string; token: JWT }> {
  const email = `sign-out-${process.pid}-${++counter}@park.test`;
  await opened.db.user.create({
    data: { email, name: "退出测试", role: "STAFF", passwordHash: await hashPassword("correct horse battery") },
  });
  const result = await authenticate(opened.db, email, "correct horse battery", "10.8.0.1");
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  // The claims next-auth signs into the cookie, made by the app's own jwt callback.
  const options = await authOptions();
  const token = (await options.callbacks!.jwt!({
    token: { sub: undefined },
    user: result.user,
    account: null,
    trigger: "signIn",
  })) as JWT;
  return { userId: result.user.id, token };
}

const claimsOf = (token: JWT) => ({ userId: token.sub, sessionVersion: token.sessionVersion as number });

describe("signing out", () => {
  it("ends the session on the server: the cookie's claims, copied before, no longer stand for the user", async () => {
    const { userId, token } = await signedIn();
    expect(await viewerForSession(opened.db, claimsOf(token))).toMatchObject({ id: userId });
    await (
      await authOptions()
    ).events!.signOut!({ token, session: undefined as never });
    expect(await viewerForSession(opened.db, claimsOf(token))).toBeNull();
  });

  it("ends every session of the user (each device), and an ended cookie cannot end the next one", async () => {
    const { userId, token: phone } = await signedIn();
    const user = await opened.db.user.findUniqueOrThrow({ where: { id: userId } });
    const desk = await authenticate(opened.db, user.email, "correct horse battery", "10.8.0.2");
    if (!desk.ok) throw new Error("sign-in failed");
    const deskClaims = { userId, sessionVersion: desk.user.sessionVersion };
    expect(await endSessions(opened.db, phone)).toBe(true);
    expect(await viewerForSession(opened.db, claimsOf(phone))).toBeNull();
    expect(await viewerForSession(opened.db, deskClaims)).toBeNull();

    const again = await authenticate(opened.db, user.email, "correct horse battery", "10.8.0.2");
    if (!again.ok) throw new Error("sign-in failed");
    expect(await endSessions(opened.db, phone)).toBe(false);
    expect(await viewerForSession(opened.db, { userId, sessionVersion: again.user.sessionVersion })).toMatchObject({
      id: userId,
    });
  });

  it("ignores a token without a user or version", async () => {
    expect(await endSessions(opened.db, null)).toBe(false);
    expect(await endSessions(opened.db, { sub: "nobody" })).toBe(false);
  });
});
