import "server-only";
import { AsyncResource } from "node:async_hooks";
import type { Database } from "../../db/client";
import { isDatabaseUnavailable } from "../../db/errors";
import { logEvent } from "../../log";
import { readNotifyRules } from "../settings";
import { DEFAULT_BACKOFF, type Backoff } from "./backoff";
import { claimDeliveries, leaseEnd } from "./claim";
import { deliver } from "./deliver";
import type { WorkerDeps } from "./deps";
import { fanOut } from "./fan-out";
import { prune } from "./prune";

export interface WorkerOptions {
  deps: WorkerDeps;
  /** how often to look when nothing woke the worker (PARKLEAD_NOTIFY_POLL_MS) */
  pollMs: number;
  /** how long a claim keeps a row from other instances: longer than a send may take */
  leaseMs: number;
  /** how long one send may take before it counts as a retry */
  sendTimeoutMs: number;
  /** rows per claim */
  batchSize: number;
  /** sends in flight at once */
  concurrency: number;
  /**
   * The least time between two passes when woken: under a stream of inquiries the wake-ups are
   * gathered into batches instead of a pass (a dozen round trips) per inquiry.
   */
  gapMs: number;
  backoff: Backoff;
  /** how often the day's digest and task events are written (lib/notify/schedule) */
  scheduleEveryMs: number;
  /** how often finished rows past their retention are deleted */
  pruneEveryMs: number;
  clock: () => Date;
}

export const DEFAULT_WORKER_OPTIONS: Omit<WorkerOptions, "deps"> = {
  pollMs: 1_000,
  leaseMs: 120_000,
  sendTimeoutMs: 15_000,
  batchSize: 200,
  concurrency: 16,
  gapMs: 400,
  backoff: DEFAULT_BACKOFF,
  scheduleEveryMs: 60_000,
  pruneEveryMs: 3_600_000,
  clock: () => new Date(),
};

async function chore(failure: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    logEvent(failure, { error: (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 300) });
  }
}

/** The longest wait after repeated failures (the database down, a bug that fails every pass). */
const MAX_FAILURE_DELAY_MS = 30_000;

export interface Worker {
  /** One pass: claims and works batches until one comes back short of a full batch. */
  runOnce(): Promise<{ events: number; deliveries: number }>;
  /** Runs passes on its own: every pollMs, and soon after a wake (lib/notify/wake.ts) through `wake`. */
  start(): void;
  /** Asks for a pass soon; one running already is followed by another. */
  wake(): void;
  /** Stops after the pass under way (its sends are bounded by sendTimeoutMs). */
  stop(): Promise<void>;
}

/** `db` may be a getter: the app's database may still be opening (PostgreSQL down at start). */
export function createWorker(db: Database | (() => Promise<Database>), options: WorkerOptions): Worker {
  if (options.leaseMs <= options.sendTimeoutMs * 2)
    throw new Error("the worker's lease must be more than twice its send timeout");
  const database = typeof db === "function" ? db : async () => db;
  const { clock, batchSize, leaseMs, deps, backoff } = options;
  let lastSchedule = -Infinity;
  let lastPrune = -Infinity;

  /** The day's scheduled events and the pruning: a failure here is logged and never holds up sending. */
  async function housekeeping(store: Database, now: Date) {
    if (now.getTime() - lastSchedule >= options.scheduleEveryMs) {
      lastSchedule = now.getTime();
      await chore("notify.schedule_failed", () => deps.scheduleDailyEvents(store, now));
    }
    if (now.getTime() - lastPrune >= options.pruneEveryMs) {
      lastPrune = now.getTime();
      await chore("notify.prune_failed", async () => {
        const pruned = await prune(store, now);
        if (Object.values(pruned).some((count) => count > 0)) logEvent("notify.pruned", pruned);
      });
    }
  }

  async function runOnce() {
    const store = await database();
    const totals = { events: 0, deliveries: 0 };
    await housekeeping(store, clock());
    let rules: Promise<number> | undefined;
    const maxAttempts = () => (rules ??= readNotifyRules(store).then((read) => read.maxAttempts));
    for (;;) {
      // One lease for the pass: the deliveries the events plan are born under it, and sent with those claimed.
      const claim = { now: clock(), leaseMs, limit: batchSize };
      const { events, planned } = await fanOut({
        db: store,
        deps,
        now: claim.now,
        limit: batchSize,
        claimedUntil: leaseEnd(claim),
        backoff,
      });
      const deliveries = [...planned, ...(await claimDeliveries(store, claim))];
      await deliver(deliveries, {
        db: store,
        deps,
        now: claim.now,
        claimedUntil: leaseEnd(claim),
        maxAttempts,
        backoff,
        sendTimeoutMs: options.sendTimeoutMs,
        concurrency: options.concurrency,
      });
      totals.events += events;
      totals.deliveries += deliveries.length;
      if (stopRequested || (events < batchSize && deliveries.length - planned.length < batchSize)) return totals;
    }
  }

  let stopped = true;
  /** set by stop(): a pass under way ends after its batch instead of draining on */
  let stopRequested = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let timerDue = Infinity;
  let lastEnd = 0;
  let failures = 0;

  /*
   * Passes run in the context the worker was made in (the server's start), not in that of the
   * request whose inquiry woke it: that request has ended, and whatever the framework keeps per
   * request would otherwise follow every read and send of the pass.
   */
  const passOnItsOwn = AsyncResource.bind(() => pass());

  function schedule(delayMs: number) {
    if (stopped) return;
    const due = Date.now() + delayMs;
    if (timer && timerDue <= due) return;
    clearTimeout(timer);
    timerDue = due;
    timer = setTimeout(passOnItsOwn, delayMs);
  }

  function pass() {
    timer = undefined;
    timerDue = Infinity;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .then(
        () => {
          failures = 0;
          return options.pollMs;
        },
        (error: unknown) => {
          failures += 1;
          const unavailable = isDatabaseUnavailable(error);
          // One line per outage, not per pass: the backoff grows while it lasts.
          if (!unavailable || failures === 1)
            logEvent(unavailable ? "notify.worker_database_unavailable" : "notify.worker_failed", {
              error: (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 300),
            });
          return Math.min(MAX_FAILURE_DELAY_MS, options.pollMs * 2 ** Math.min(failures, 10));
        },
      )
      .then((delayMs) => {
        running = null;
        lastEnd = Date.now();
        if (again) {
          again = false;
          schedule(options.gapMs);
        } else schedule(delayMs);
      });
  }

  function wake() {
    if (stopped) return;
    if (running) again = true;
    else schedule(Math.max(0, lastEnd + options.gapMs - Date.now()));
  }

  return {
    runOnce,
    wake,
    start() {
      if (!stopped) return;
      stopped = false;
      stopRequested = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      stopRequested = true;
      clearTimeout(timer);
      timer = undefined;
      timerDue = Infinity;
      await running;
    },
  };
}
