import "server-only";
import type { Database } from "../db/client";
import { logEvent } from "../log";
import { hashPassword, verifyPassword } from "./password";
import type { Role } from "./schema";
import { keyedDigest } from "./secret";

/** Failures in a row, for one email from one address, before that pair is slowed down. */
export const FAILURES_BEFORE_DELAY = 5;
/** Failures in a row from one address, whatever the emails, before the address is slowed down. */
export const ADDRESS_FAILURES_BEFORE_DELAY = 10;
const FIRST_DELAY_SECONDS = 60;
const LONGEST_DELAY_SECONDS = 15 * 60;
// An hour without a failure starts a new run; shorter than that, waiting out the longest delay
// would hand a patient guesser a fresh set of tries every quarter of an hour.
const RUN_ENDS_AFTER_SECONDS = 60 * 60;
// The address of a request the server did not stamp (see lib/http/client-ip.ts): such requests
// share one address rather than escaping the per-address limit.
const UNKNOWN_ADDRESS = "unknown";

export type Authentication =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** 1 min after the `threshold`-th failure in a row, doubling with each further one, at most 15 min. */
export function delayAfter(failures: number, threshold = FAILURES_BEFORE_DELAY): number {
  if (failures < threshold) return 0;
  return Math.min(LONGEST_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - threshold));
}

/**
 * The two counters an attempt is judged by. Keyed by the email as typed (normalised), not by the
 * account, so an unknown email is counted and throttled exactly like a real one; keyed digests, so
 * the table holds no email or address.
 */
function throttleKeys(email: string, address: string) {
  return {
    pair: `login-account-ip:${keyedDigest("login-account-ip", `${email}\u0000${address}`)}`,
    address: `login-ip:${keyedDigest("login-ip", address)}`,
  };
}

// Verifying against a real hash when the email is unknown keeps both answers equally slow.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Failures slow down the (email, address) pair after five in a row,
 * and the address after ten, never the account for everyone: an attacker elsewhere cannot lock its
 * owner out. An unknown email takes the same steps (the same reads and writes, a scrypt
 * verification against a decoy hash) and gets the same answers as a known one with a wrong
 * password; only a correct password learns that an account is inactive.
 */
export async function authenticate(
  db: Database,
  email: string,
  password: string,
  ip: string | undefined,
  now = new Date(),
): Promise<Authentication> {
  const normalised = email.trim().toLowerCase();
  const keys = throttleKeys(normalised, ip ?? UNKNOWN_ADDRESS);

  const counters = await db.loginThrottle.findMany({ where: { key: { in: [keys.pair, keys.address] } } });
  const wait = Math.max(
    0,
    ...counters.map((counter) => {
      const threshold = counter.key === keys.pair ? FAILURES_BEFORE_DELAY : ADDRESS_FAILURES_BEFORE_DELAY;
      return delayAfter(counter.failures, threshold) * 1000 - (now.getTime() - counter.lastFailureAt.getTime());
    }),
  );
  if (wait > 0) return throttled(Math.ceil(wait / 1000));

  const user = await db.user.findUnique({ where: { email: normalised } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await (decoyHash ??= hashPassword("decoy"))));
  if (!user || !matches) {
    const failures = await recordFailure(db, keys, now);
    logEvent("auth.failed", { pairFailures: failures.pair, addressFailures: failures.address });
    const delay = Math.max(delayAfter(failures.pair), delayAfter(failures.address, ADDRESS_FAILURES_BEFORE_DELAY));
    return delay ? throttled(delay) : { ok: false, reason: "invalid" };
  }
  if (!user.active) return { ok: false, reason: "inactive" };

  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await db.loginThrottle.deleteMany({ where: { key: { in: [keys.pair, keys.address] } } });
  logEvent("auth.signed_in", { user: user.id });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}

function throttled(retryAfterSeconds: number): Authentication {
  logEvent("auth.throttled");
  return { ok: false, reason: "throttled", retryAfterSeconds };
}

/** Counts one failure on both counters in one statement (so instances racing on them count each). */
async function recordFailure(
  db: Database,
  keys: { pair: string; address: string },
  now: Date,
): Promise<{ pair: number; address: number }> {
  const runStartedAfter = new Date(now.getTime() - RUN_ENDS_AFTER_SECONDS * 1000);
  const rows = await db.$queryRaw<{ key: string; failures: number }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt")
    VALUES (${keys.pair}, 1, ${now}), (${keys.address}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."lastFailureAt" < ${runStartedAfter} THEN 1
        ELSE "LoginThrottle"."failures" + 1 END,
      "lastFailureAt" = ${now}
    RETURNING "key", "failures"`;
  const count = (key: string) => rows.find((row) => row.key === key)?.failures ?? 1;
  return { pair: count(keys.pair), address: count(keys.address) };
}
