/** How long a failed attempt waits before the next: exponential in the attempts made, with jitter. */
export interface Backoff {
  /** the wait after the first failure (30 s) */
  baseMs: number;
  /** the longest wait (1 h) */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 3_600_000 };

/**
 * base × 2^(attempts−1), capped, then drawn from its upper half ("equal jitter"): instances that
 * failed together against one vendor do not all come back in the same second. A vendor's own
 * Retry-After is honoured when it asks for longer.
 */
export function retryDelayMs(attempts: number, backoff: Backoff, retryAfterMs = 0, random = Math.random): number {
  const exponential = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = exponential / 2 + (random() * exponential) / 2;
  return Math.round(Math.max(jittered, Math.min(retryAfterMs, backoff.maxMs)));
}
