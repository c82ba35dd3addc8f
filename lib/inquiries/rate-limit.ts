import "server-only";
import { createHash } from "node:crypto";
import type { Database } from "../db/client";

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

export type RateLimitVerdict = { allowed: true } | { allowed: false; scope: RateLimit["scope"]; retryAfterSeconds: number };

/** Counters are keyed by a hash, so no IP address or phone number is kept for rate limiting. */
function counterKey(scope: string, value: string): string {
  return `${scope}:${createHash("sha256").update(`parklead-rate:${scope}:${value}`).digest("base64url").slice(0, 22)}`;
}

/**
 * Counts this attempt against every limit in one statement (one round trip, atomic across app
 * instances) and says whether any limit is now exceeded.
 */
export async function hitRateLimits(
  db: Database,
  subjects: Partial<Record<RateLimit["scope"], string>>,
  now = new Date(),
  limits = inquiryRateLimits,
): Promise<RateLimitVerdict> {
  const counted = limits
    .filter((limit) => subjects[limit.scope])
    .map((limit) => {
      const windowMs = limit.windowSeconds * 1000;
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
      return { ...limit, key: counterKey(limit.scope, subjects[limit.scope]!), windowStart };
    });
  if (counted.length === 0) return { allowed: true };
  const rows = await db.$queryRawUnsafe<{ key: string; count: number }[]>(
    `INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
     SELECT k, w, 1 FROM unnest($1::text[], $2::timestamptz[]) AS t(k, w)
     ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
     RETURNING "key", "count"`,
    counted.map((limit) => limit.key),
    counted.map((limit) => limit.windowStart.toISOString()),
  );
  for (const limit of counted) {
    const row = rows.find((candidate) => candidate.key === limit.key);
    if (row && row.count > limit.limit) {
      const windowEnd = limit.windowStart.getTime() + limit.windowSeconds * 1000;
      return { allowed: false, scope: limit.scope, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)) };
    }
  }
  return { allowed: true };
}

/** Old windows are useless; dropping them keeps the table at a few rows per active visitor. */
export async function pruneRateLimitCounters(db: Database, now = new Date()): Promise<number> {
  const longest = Math.max(...inquiryRateLimits.map((limit) => limit.windowSeconds));
  return db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - longest * 1000) } } }).then((r) => r.count);
}
