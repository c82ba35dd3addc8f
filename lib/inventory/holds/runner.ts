import "server-only";
import type { Database } from "../../db/client";
import { logEvent } from "../../log";
import { expireHolds } from "./expiry";

/*
 * The hold expiry runner: every app instance runs one, notifications on or off, so a hold is released
 * when its time is up whether or not anyone opens a page. The sweep shares the work between instances
 * (FOR UPDATE SKIP LOCKED), so several runners at once release each unit once.
 */

export interface HoldExpiryRunner {
  start(): void;
  stop(): Promise<void>;
  /** one sweep now (the runner's own, shared with tests): how many units it released */
  sweep(): Promise<number>;
}

export const HOLD_EXPIRY_POLL_MS = 30_000;

export function createHoldExpiryRunner(
  db: Database | (() => Promise<Database>),
  { pollMs = HOLD_EXPIRY_POLL_MS, clock = () => new Date() }: { pollMs?: number; clock?: () => Date } = {},
): HoldExpiryRunner {
  const database = typeof db === "function" ? db : async () => db;
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;

  async function sweep(): Promise<number> {
    const released = await expireHolds(await database(), clock());
    if (released > 0) logEvent("holds.expired", { released });
    return released;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(pass, delayMs);
    // A pending sweep never keeps the process alive.
    timer.unref();
  }

  function pass() {
    running = sweep()
      .catch((error: unknown) => {
        // The database is down or opening: the next poll tries again.
        logEvent("holds.sweep_failed", { error: error instanceof Error ? error.name : "Error" });
      })
      .finally(() => {
        running = null;
        schedule(pollMs);
      });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    sweep,
  };
}
