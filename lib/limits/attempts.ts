import "server-only";
import type { Prisma } from "../db/generated/client";
import { inquiryRateLimits } from "./rate-limit";

type Counter = Pick<Prisma.TransactionClient, "$queryRaw">;

/** Start-up prunes windows older than the longest inquiry limit: a window here may not outlast them. */
const LONGEST_WINDOW_SECONDS = Math.max(...inquiryRateLimits.map((limit) => limit.windowSeconds));

/**
 * Counts one attempt against a fixed-window limit kept in RateLimitCounter, shared by every instance,
 * for doors other than the intake (which counts inside its own statement). `key` must already be a
 * keyed digest, never a person's value.
 */
export async function countAttempt(
  db: Counter,
  key: string,
  limit: { limit: number; windowSeconds: number },
  now: Date,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  if (limit.windowSeconds > LONGEST_WINDOW_SECONDS) throw new Error("countAttempt: window longer than pruning keeps");
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  if (row.count <= limit.limit) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)),
  };
}
