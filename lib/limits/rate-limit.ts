import "server-only";
import { keyedDigest } from "../auth/secret";
import type { Database } from "../db/client";
import { Prisma } from "../db/generated/client";

/*
 * The inquiry rate limits and their counters. They sit below both inquiries and leads: intake counts
 * each attempt against them (lib/inquiries/mutations.ts), and erasing a person drops the counters
 * derived from their phone (lib/leads/erase/mutations.ts), without either importing the other.
 */

export interface RateLimit {
  scope: "ip" | "phone";
  limit: number;
  windowSeconds: number;
}

/** Generous enough for a person asking about several listings, tight enough to stop a script. */
export const inquiryRateLimits: RateLimit[] = [
  { scope: "ip", limit: 30, windowSeconds: 3600 },
  { scope: "phone", limit: 8, windowSeconds: 3600 },
];

export type RateLimitVerdict =
  { allowed: true } | { allowed: false; scope: RateLimit["scope"]; retryAfterSeconds: number };

/** The fixed-window counters one attempt increments, as arrays ready for unnest() in SQL. */
export interface RateLimitCounters {
  keys: string[];
  windowStarts: string[];
  limits: number[];
  counted: (RateLimit & { key: string; windowStart: Date })[];
}

/**
 * Counters are keyed by an HMAC under the server secret, so no IP address or phone number is kept
 * for rate limiting, and a copy of the table cannot be turned back into phones by hashing every
 * mobile number (a plain hash of an 11-digit phone falls in seconds). Counters written under the
 * earlier unkeyed hash were dropped by migration 20261206053000_keyed_personal_hashes: they only
 * held hourly windows.
 */
export function counterKey(scope: RateLimit["scope"], value: string): string {
  return `${scope}:${keyedDigest(`rate-limit:${scope}`, value)}`;
}

export function rateLimitCounters(
  subjects: Partial<Record<RateLimit["scope"], string>>,
  now: Date,
  limits = inquiryRateLimits,
): RateLimitCounters {
  const counted = limits
    .filter((limit) => subjects[limit.scope])
    .map((limit) => {
      const windowMs = limit.windowSeconds * 1000;
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
      return { ...limit, key: counterKey(limit.scope, subjects[limit.scope]!), windowStart };
    });
  return {
    keys: counted.map((limit) => limit.key),
    windowStarts: counted.map((limit) => limit.windowStart.toISOString()),
    limits: counted.map((limit) => limit.limit),
    counted,
  };
}

/** Which limit, if any, the counts after this attempt exceed, and until when. */
export function verdictOf(counters: RateLimitCounters, counts: Record<string, number>, now: Date): RateLimitVerdict {
  for (const limit of counters.counted) {
    if ((counts[limit.key] ?? 0) > limit.limit) {
      const windowEnd = limit.windowStart.getTime() + limit.windowSeconds * 1000;
      return {
        allowed: false,
        scope: limit.scope,
        retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)),
      };
    }
  }
  return { allowed: true };
}

/** Drops every window of these phones' counters: an erased person leaves no key derived from their phone. */
export async function dropPhoneCounters(tx: Prisma.TransactionClient, phones: string[]): Promise<number> {
  if (!phones.length) return 0;
  const { count } = await tx.rateLimitCounter.deleteMany({
    where: { key: { in: phones.map((phone) => counterKey("phone", phone)) } },
  });
  return count;
}

/** Old windows are useless; dropping them keeps the table at a few rows per active visitor. */
export async function pruneRateLimitCounters(db: Database, now = new Date()): Promise<number> {
  const longest = Math.max(...inquiryRateLimits.map((limit) => limit.windowSeconds));
  const { count } = await db.rateLimitCounter.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - longest * 1000) } },
  });
  return count;
}

/**
 * The intake statement's rate-limit rule (lib/inquiries/store-inquiry.ts composes it): counts the
 * attempt against the limits
 * `allowed` says whether every limit still holds.
 */
export function rateLimitSql(counters: RateLimitCounters | null): Prisma.Sql {
  if (!counters)
    return Prisma.sql`hits AS (SELECT NULL::text AS "key", 0 AS "count" WHERE false), allowed AS (SELECT true AS "ok")`;
  return Prisma.sql`hits AS (
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
      SELECT k, w, 1 FROM unnest(${counters.keys}::text[], ${counters.windowStarts}::timestamptz[]) AS t(k, w)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      RETURNING "key", "count"
    ), allowed AS (
      SELECT NOT EXISTS (
        SELECT 1 FROM hits
          JOIN unnest(${counters.keys}::text[], ${counters.limits}::int[]) AS l(k, lim) ON l.k = hits."key"
        WHERE hits."count" > l.lim
      ) AS "ok"
    )`;
}
