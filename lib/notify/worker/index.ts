import "server-only";
import type { Database } from "../../db/client";
import { env } from "../../env";
import { notificationsOn } from "../../outbox/events";
import { onWake } from "../../outbox/wake";
import { defaultDeps } from "./defaults";
import { createWorker, DEFAULT_WORKER_OPTIONS, type Worker, type WorkerOptions } from "./worker";

/*
 * The outbox worker: turns due events into deliveries and sends them, in every app instance side
 * by side (claims and leases in claim.ts keep them from sending one message twice).
 */

export { createWorker, DEFAULT_WORKER_OPTIONS, type Worker, type WorkerOptions } from "./worker";
export type { ChannelTarget, Plan, PlannedDelivery, Rendered, WorkerDeps } from "./deps";
export { retryDelayMs, DEFAULT_BACKOFF, type Backoff } from "./backoff";

// On globalThis: Next evaluates a module once per route bundle, and a process runs one worker.
const holder = globalThis as typeof globalThis & {
  parkleadWorker?: { worker: Worker; unsubscribe: () => void };
};

/**
 * Starts this process's worker (nothing when PARKLEAD_NOTIFY=off, or when one runs already). It
 * polls every PARKLEAD_NOTIFY_POLL_MS and runs a pass soon after a wake-up (an inquiry stored here).
 */
export function startWorker(
  db: Database | (() => Promise<Database>),
  options: Partial<WorkerOptions> = {},
): Worker | null {
  if (!notificationsOn() || holder.parkleadWorker) return null;
  const worker = createWorker(db, {
    ...DEFAULT_WORKER_OPTIONS,
    pollMs: env().PARKLEAD_NOTIFY_POLL_MS,
    deps: defaultDeps,
    ...options,
  });
  const unsubscribe = onWake(() => worker.wake());
  holder.parkleadWorker = { worker, unsubscribe };
  worker.start();
  return worker;
}

/** Stops this process's worker after its pass under way: before the database closes at shutdown. */
export async function stopWorker(): Promise<void> {
  const running = holder.parkleadWorker;
  if (!running) return;
  holder.parkleadWorker = undefined;
  running.unsubscribe();
  await running.worker.stop();
}
