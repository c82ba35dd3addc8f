import { getDb, getOpenedDatabase, installDatabaseOpener } from "../db/client";
import { isDatabaseUnavailable } from "../db/errors";
import { env, unsetEmptyVariables } from "../env";
import { logEvent } from "../log";
import { startImportRunner } from "../leads/import";
import { startHoldExpiry, stopHoldExpiry } from "../inventory/holds";
import { startSupervisionEscalation, stopSupervisionEscalation } from "../projects/supervision";
import { startWorker, stopWorker } from "../notify/worker";
import { openAppDatabase } from "./open-app-database";

/**
 * Makes lib/db's process-wide database (getDb) the app's: the place and the first admin from the
 * environment, read when it opens, and the product's start-up steps run before its first use.
 */
export function installAppDatabase(): void {
  installDatabaseOpener(() => {
    const config = env();
    const firstAdmin = { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD, generate: !config.DATABASE_URL };
    return openAppDatabase(
      config.DATABASE_URL
        ? {
            kind: "postgres",
            url: config.DATABASE_URL,
            poolSize: config.PARKLEAD_DB_POOL_SIZE,
            seedDemo: config.PARKLEAD_SEED_DEMO === "1",
            seedDemoLeads: config.PARKLEAD_SEED_DEMO === "1",
            firstAdmin,
          }
        : { kind: "pglite", dataDir: config.PARKLEAD_DATA_DIR, seedDemo: true, seedDemoLeads: true, firstAdmin },
    );
  });
}

/**
 * Opens the database at server start and closes it on shutdown: a file-backed PGlite that is not
 * closed keeps Node alive and may leave its folder needing recovery.
 *
 * A PostgreSQL server that cannot be reached at start does not stop the app: it answers 503
 * (health included) and the next request opens the database once the server is back. Anything
 * else — an invalid variable, a data folder held by a live process, a failed migration, a refused
 * login — will not heal by waiting, so it is thrown for the caller to stop the process.
 */
export async function startServerDatabase(): Promise<void> {
  unsetEmptyVariables();
  const config = env();
  installAppDatabase();
  const opening = getOpenedDatabase();
  closeOnSignal(opening);
  try {
    await opening;
  } catch (error) {
    if (!(config.DATABASE_URL && isDatabaseUnavailable(error))) throw error;
    logEvent("database.unavailable_at_start", { reason: oneLine(error) });
  }
  // Through getDb: after PostgreSQL was down at start, the worker's passes open it once it is back.
  startWorker(getDb);
  // Imports run whether notifications are on or off.
  startImportRunner(getDb);
  // Holds expire by this sweep (about every 30 s), never by a page visit; on or off, like imports.
  startHoldExpiry(getDb);
  // 督办 items past their day escalate by this sweep (about every minute), on or off, like holds.
  startSupervisionEscalation(getDb);
}

/**
 * How long shutdown waits for the worker's pass under way; a send cut short stays claimed and is
 * sent again by an instance once its lease passes.
 */
const WORKER_STOP_MS = 5_000;

/** Installed before the open finishes: a SIGTERM while PGlite is still opening waits for it, then closes it. */
function closeOnSignal(opening: Promise<{ close(): Promise<void> }>): void {
  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logEvent("server.stopping", { signal });
    Promise.race([
      Promise.all([stopWorker(), stopHoldExpiry(), stopSupervisionEscalation()]),
      new Promise((resolve) => setTimeout(resolve, WORKER_STOP_MS)),
    ])
      .then(() => opening)
      .then(
        (opened) => opened.close(),
        () => undefined,
      )
      .catch((error) => logEvent("database.close_failed", { error: String(error) }))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", close);
  process.once("SIGINT", close);
}

/**
 * Ends a start that cannot succeed: one line saying why, and exit status 1, so a supervisor
 * restarts the process or a person reads the reason. Next catches an error thrown by
 * instrumentation's register() and then answers 500 to every request, forever, logging the same
 * stack each time (next-server.js: `this.prepare().catch(...)`, awaited again per request) —
 * so register() must not throw: it calls this instead.
 */
export function stopFailedStart(error: unknown): never {
  logEvent("server.start_failed", {
    error: error instanceof Error ? error.name : typeof error,
    reason: oneLine(error),
  });
  process.exit(1);
}

/** Prisma's messages span lines (the call site, then the cause); a log line must not. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^\d*\s*[|→]/.test(line))
    .join(" ")
    .slice(0, 500);
}
