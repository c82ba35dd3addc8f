import "server-only";
import { createHash } from "node:crypto";
import type { Database } from "../db/client";
import { logEvent } from "../log";
import { hashPassword, verifyPassword } from "./password";
import type { Role } from "./schema";

/** Failures in a row before an account or an address is slowed down. */
export const FAILURES_BEFORE_DELAY = 5;
const FIRST_DELAY_SECONDS = 60;
const LONGEST_DELAY_SECONDS = 15 * 60;
const IP_WINDOW_SECONDS = 15 * 60;

export type Authentication =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** 1 min after the fifth failure in a row, doubling with each further one, at most 15 min. */
export function delayAfter(failures: number): number {
  if (failures < FAILURES_BEFORE_DELAY) return 0;
  return Math.min(LONGEST_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FAILURES_BEFORE_DELAY));
}

const ipKey = (ip: string) => `login-ip:${createHash("sha256").update(`parklead-login:${ip}`).digest("base64url").slice(0, 22)}`;

// Verifying against a real hash when the email is unknown keeps both answers equally slow.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Five failures in a row slow the account down and, separately, the
 * address they came from (stored in the database, so every app instance sees them).
 */
export async function authenticate(db: Database, email: string, password: string, ip: string | undefined, now = new Date()): Promise<Authentication> {
  if (ip) {
    const throttle = await db.loginThrottle.findUnique({ where: { key: ipKey(ip) } });
    if (throttle) {
      const wait = delayAfter(throttle.failures) * 1000 - (now.getTime() - throttle.lastFailureAt.getTime());
      if (wait > 0) return throttled(Math.ceil(wait / 1000), "ip");
    }
  }

  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (user?.lockedUntil && user.lockedUntil > now) return throttled(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000), "account");

  const matches = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, await (decoyHash ??= hashPassword("decoy")));
  if (!user || !matches) {
    if (ip) await recordIpFailure(db, ip, now);
    if (!user) return { ok: false, reason: "invalid" };
    const failures = user.failedLogins + 1;
    const delay = delayAfter(failures);
    await db.user.update({
      where: { id: user.id },
      data: { failedLogins: failures, lockedUntil: delay ? new Date(now.getTime() + delay * 1000) : null },
    });
    logEvent("auth.failed", { user: user.id, failures });
    return delay ? throttled(delay, "account") : { ok: false, reason: "invalid" };
  }
  if (!user.active) return { ok: false, reason: "inactive" };

  await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
  if (ip) await db.loginThrottle.deleteMany({ where: { key: ipKey(ip) } });
  logEvent("auth.signed_in", { user: user.id });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

function throttled(retryAfterSeconds: number, scope: "ip" | "account"): Authentication {
  logEvent("auth.throttled", { scope });
  return { ok: false, reason: "throttled", retryAfterSeconds };
}

async function recordIpFailure(db: Database, ip: string, now: Date): Promise<void> {
  // A failure long after the previous one starts a new run instead of extending it.
  const staleBefore = new Date(now.getTime() - IP_WINDOW_SECONDS * 1000);
  await db.$executeRaw`
    INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt") VALUES (${ipKey(ip)}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."lastFailureAt" < ${staleBefore} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "lastFailureAt" = ${now}`;
}
