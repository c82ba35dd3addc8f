import "server-only";
import type { Database } from "../../db/client";
import { isDatabaseUnavailable } from "../../db/errors";
import { logEvent } from "../../log";
import { analyseChunk, openAnalysis, type Analysis } from "./analyse";
import { applyChunk } from "./apply";
import { LeaseLost, type Claim } from "./lease";

/*
 * The import runner: every app instance runs one (notifications on or off). It claims one job
 * whose step (analysis or writing) is under way and unclaimed — or whose claim has passed, as a
 * dead instance leaves it — with FOR UPDATE SKIP LOCKED, so two instances never take the same one,
 * and works it chunk by chunk, renewing the lease with each chunk (lease.ts).
 */

export interface RunnerOptions {
  leaseMs: number;
  pollMs: number;
  /** failed tries of a step before the job is FAILED */
  maxAttempts: number;
  clock: () => Date;
  analyseRows?: number;
  applyRows?: number;
  /** chunks per claim: a test stops a runner midway with it */
  maxChunks?: number;
  /** asked before each chunk: true when the process is shutting down */
  stopping?: () => boolean;
}

export const DEFAULT_RUNNER_OPTIONS: RunnerOptions = {
  leaseMs: 60_000,
  pollMs: 3_000,
  maxAttempts: 3,
  clock: () => new Date(),
};

/** Claims the oldest job with a step to run, or null. */
export async function claimImportJob(db: Database, options: Pick<RunnerOptions, "leaseMs" | "clock">) {
  const now = options.clock();
  const lease = new Date(now.getTime() + options.leaseMs);
  const [job] = await db.$queryRaw<{ id: string; status: "ANALYSING" | "RUNNING" }[]>`
    UPDATE "ImportJob" AS j SET "claimedUntil" = ${lease}
    FROM (
      SELECT "id" FROM "ImportJob"
      WHERE "status" IN ('ANALYSING', 'RUNNING') AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
      ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED
    ) AS c
    WHERE j."id" = c."id"
    RETURNING j."id", j."status"::text AS "status"`;
  if (!job) return null;
  const claim: Claim = { jobId: job.id, lease, leaseMs: options.leaseMs, clock: options.clock };
  return { claim, status: job.status };
}

/** What went wrong with a step, for the job's error column: the kind of error only, never a row's values. */
function errorOf(error: unknown): string {
  return error instanceof Error ? error.name : "Error";
}

/**
 * One claim: works the job's step until it finishes, the chunk limit is reached or the lease is
 * lost. A step that throws gives the job back (a retry by any instance) until maxAttempts, then
 * the job is FAILED. True when a job was claimed.
 */
export async function runImportPass(db: Database, options: RunnerOptions = DEFAULT_RUNNER_OPTIONS): Promise<boolean> {
  const claimed = await claimImportJob(db, options);
  if (!claimed) return false;
  const { claim, status } = claimed;
  let analysis: Analysis | null = null;
  try {
    for (let chunk = 0; ; chunk++) {
      if (chunk === (options.maxChunks ?? Infinity) || options.stopping?.()) {
        // Stopped before the step's end: the job is given back at once rather than when the lease passes.
        await db.$executeRaw`
          UPDATE "ImportJob" SET "claimedUntil" = NULL WHERE "id" = ${claim.jobId} AND "claimedUntil" = ${claim.lease}`;
        break;
      }
      const finished =
        status === "ANALYSING"
          ? await analyseChunk(db, claim, (analysis ??= await openAnalysis(db, claim.jobId)), options.analyseRows)
          : await applyChunk(db, claim, options.applyRows);
      if (finished) break;
    }
  } catch (error) {
    if (error instanceof LeaseLost) return true;
    if (isDatabaseUnavailable(error)) throw error;
    await giveBack(db, claim, options, errorOf(error));
  }
  return true;
}

async function giveBack(db: Database, claim: Claim, options: RunnerOptions, error: string) {
  const [job] = await db.$queryRaw<{ attempts: number }[]>`
    UPDATE "ImportJob" SET "attempts" = "attempts" + 1, "claimedUntil" = NULL
    WHERE "id" = ${claim.jobId} AND "claimedUntil" = ${claim.lease}
    RETURNING "attempts"`;
  logEvent("import.step_failed", { jobId: claim.jobId, error, attempts: job?.attempts ?? null });
  if (job && job.attempts >= options.maxAttempts) {
    await db.importJob.updateMany({
      where: { id: claim.jobId, status: { in: ["ANALYSING", "RUNNING"] } },
      data: { status: "FAILED", error: `importStepFailed:${error}`.slice(0, 500), finishedAt: options.clock() },
    });
  }
}

export interface ImportRunner {
  start(): void;
  wake(): void;
  stop(): Promise<void>;
}

/** Passes on its own: after a wake-up, and every pollMs; claims again at once while jobs are waiting. */
export function createImportRunner(
  db: Database | (() => Promise<Database>),
  options: RunnerOptions = DEFAULT_RUNNER_OPTIONS,
): ImportRunner {
  const database = typeof db === "function" ? db : async () => db;
  let stopped = true;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  function schedule(delayMs: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(pass, delayMs);
    timer.unref();
  }

  function pass() {
    if (running) {
      again = true;
      return;
    }
    let delay = options.pollMs;
    running = (async () => {
      try {
        const store = await database();
        while (!stopped && (await runImportPass(store, { ...options, stopping: () => stopped })));
      } catch (error) {
        // The database is down or opening: the next poll tries again.
        logEvent("import.pass_failed", { error: errorOf(error) });
        delay = options.pollMs * 5;
      }
    })().finally(() => {
      running = null;
      if (again) {
        again = false;
        schedule(0);
      } else schedule(delay);
    });
  }

  return {
    start() {
      stopped = false;
      schedule(0);
    },
    wake() {
      if (!stopped) schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
