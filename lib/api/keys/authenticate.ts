import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { isApiScope, type ApiCaller } from "./scopes";

const KEY_LEAD = "plk_";
/** `plk_` and 32 random bytes in base64url: what a key looks like, so anything else is refused unread. */
const KEY_SHAPE = /^plk_[A-Za-z0-9_-]{43}$/;
/** Enough to tell keys apart in the list, far too little to guess the rest. */
export const KEY_PREFIX_LENGTH = 12;
/** Requests are counted per key in windows of this length (ApiKey.rateLimit is per minute). */
export const RATE_WINDOW_SECONDS = 60;

/** Only the SHA-256 of a key is stored: the key is random, so no keyed hash is needed to keep it unguessable. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = KEY_LEAD + randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, KEY_PREFIX_LENGTH), hash: hashApiKey(key) };
}

/** The key a request carries: `Authorization: Bearer <key>`, else `X-Api-Key: <key>`. */
export function keyOfRequest(headers: Headers): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "")?.[1];
  return bearer ?? headers.get("x-api-key")?.trim() ?? null;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** null while the key is within its limit; else the seconds until its window ends */
  retryAfterSeconds: number | null;
}

export type KeyCheck =
  | { ok: true; caller: ApiCaller; rate: RateLimitState }
  | { ok: false; reason: "missing" | "unknown" }
  /** a key that exists but no longer works: its request is still logged against it */
  | { ok: false; reason: "revoked" | "expired"; keyId: string };

interface KeyRow {
  id: string;
  name: string;
  scopes: string[];
  parkId: string | null;
  rateLimit: number;
  expiresAt: Date | null;
  revokedAt: Date | null;
  count: number | null;
}

/**
 * Finds the key by its hash and, when it still works, counts this request against its limit, in one
 * statement: the counter lives in RateLimitCounter, so every app instance shares it. Revoked and
 * expired keys are not counted.
 */
export async function authenticateApiKey(db: Database, key: string | null, now: Date): Promise<KeyCheck> {
  if (!key) return { ok: false, reason: "missing" };
  if (!KEY_SHAPE.test(key)) return { ok: false, reason: "unknown" };
  const windowMs = RATE_WINDOW_SECONDS * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db.$queryRaw<KeyRow[]>(Prisma.sql`
    WITH k AS (
      SELECT "id", "name", "scopes", "parkId", "rateLimit", "expiresAt", "revokedAt"
      FROM "ApiKey" WHERE "hash" = ${hashApiKey(key)}
    ), hit AS (
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
      SELECT 'api-key:' || k."id", ${windowStart.toISOString()}::timestamptz, 1 FROM k
      WHERE k."revokedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > ${now.toISOString()}::timestamptz)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      RETURNING "count"
    )
    SELECT k.*, (SELECT "count" FROM hit) AS "count" FROM k`);
  const row = rows[0];
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked", keyId: row.id };
  if (row.count === null) return { ok: false, reason: "expired", keyId: row.id };
  const count = Number(row.count);
  const windowEnd = windowStart.getTime() + windowMs;
  return {
    ok: true,
    caller: { keyId: row.id, name: row.name, scopes: row.scopes.filter(isApiScope), parkId: row.parkId },
    rate: {
      limit: row.rateLimit,
      remaining: Math.max(0, row.rateLimit - count),
      retryAfterSeconds: count > row.rateLimit ? Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)) : null,
    },
  };
}
