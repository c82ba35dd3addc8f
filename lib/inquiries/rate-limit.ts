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

/** The fixed-window counters one attempt increments, as arrays ready for unnest() in SQL. */
export interface RateLimitCounters {
  keys: string[];
  windowStarts: string[];
  limits: number[];
  counted: (RateLimit & { key: string; windowStart: Date })[];
}

/** Counters are keyed by a hash, so no IP address or phone number is kept for rate limiting. */
function counterKey(scope: string, value: string): string {
  return `${scope}:${createHash("sha256").update(`parklead-rate:${scope}:${value}`).digest("base64url").slice(0, 22)}`;
}

export function rateLimitCounters(subjects: Partial<Record<RateLimit["scope"], string>>, now: Date, limits = inquiryRateLimits): RateLimitCounters {
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
      return { allowed: false, scope: limit.scope, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)) };
    }
  }
  return { allowed: true };
}

/** Old windows are useless; dropping them keeps the table at a few rows per active visitor. */
export async function pruneRateLimitCounters(db: Database, now = new Date()): Promise<number> {
  const longest = Math.max(...inquiryRateLimits.map((limit) => limit.windowSeconds));
  const { count } = await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - longest * 1000) } } });
  return count;
}
