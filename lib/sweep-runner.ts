import "server-only";
import type { Database } from "./db/client";
import { logEvent } from "./log";

/*
 * A sweep every app instance runs on a timer, notifications on or off, so time-driven work (a hold's expiry,
 * a 督办 item's escalation) happens whether or not anyone opens a page. The sweep itself shares the work between
 * instances (FOR UPDATE SKIP LOCKED), so several runners at once do each piece once; a failed pass (the database
 * down or opening) is logged and the next poll tries again.
 */

export interface SweepRunner {
  start(): void;
  stop(): Promise<void>;
  /** one sweep now (the runner's own, shared with tests): how many things it did */
  sweep(): Promise<number>;
}

export interface SweepOptions {
  pollMs?: number;
  clock?: () => Date;
}

export function createSweepRunner(
  db: Database | (() => Promise<Database>),
  work: (db: Database, now: Date) => Promise<number>,
  /** log events: `<name>.<done>` with { [counted]: n } after a pass that did something, `<name>.sweep_failed` */
  names: { name: string; done: string; counted: string },
  { pollMs, clock = () => new Date() }: SweepOptions & { pollMs: number },
): SweepRunner {
  const database = typeof db === "function" ? db : async () => db;
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;

  async function sweep(): Promise<number> {
    const count = await work(await database(), clock());
    if (count > 0) logEvent(`${names.name}.${names.done}`, { [names.counted]: count });
    return count;
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
        logEvent(`${names.name}.sweep_failed`, { error: error instanceof Error ? error.name : "Error" });
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

const holder = globalThis as typeof globalThis & { parkleadSweeps?: Map<string, SweepRunner> };

/** Starts this process's runner of that name once (Next evaluates a module once per route bundle). */
export function startSweep(name: string, create: () => SweepRunner): SweepRunner {
  holder.parkleadSweeps ??= new Map();
  let runner = holder.parkleadSweeps.get(name);
  if (!runner) holder.parkleadSweeps.set(name, (runner = create()));
  runner.start();
  return runner;
}

export async function stopSweep(name: string): Promise<void> {
  await holder.parkleadSweeps?.get(name)?.stop();
}
