import "server-only";
import type { Database } from "../../db/client";
import { logEvent } from "../../log";
import { escalateOverdue } from "./escalation";

/*
 * The 督办 escalation runner: every app instance runs one, notifications on or off, so an item past its day is
 * escalated whether or not anyone opens a page. The sweep shares the work between instances (FOR UPDATE SKIP
 * LOCKED), so several runners at once escalate each item once.
 */

export interface EscalationRunner {
  start(): void;
  stop(): Promise<void>;
  /** one sweep now (the runner's own, shared with tests): how many items it escalated */
  sweep(): Promise<number>;
}

export const ESCALATION_POLL_MS = 60_000;

export function createEscalationRunner(
  db: Database | (() => Promise<Database>),
  { pollMs = ESCALATION_POLL_MS, clock = () => new Date() }: { pollMs?: number; clock?: () => Date } = {},
): EscalationRunner {
  const database = typeof db === "function" ? db : async () => db;
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;

  async function sweep(): Promise<number> {
    const escalated = await escalateOverdue(await database(), clock());
    if (escalated > 0) logEvent("supervision.escalated", { escalated });
    return escalated;
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
        logEvent("supervision.sweep_failed", { error: error instanceof Error ? error.name : "Error" });
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
