import "server-only";
import type { Database } from "../../db/client";
import { createImportRunner, type ImportRunner } from "./runner";
import { onImportWake } from "./wake";

/*
 * The process's import runner, started with the server (lib/startup): every instance runs one,
 * whether notifications are on or off.
 */

const holder = globalThis as typeof globalThis & { parkleadImportRunner?: { runner: ImportRunner; off: () => void } };

/** Starts this process's runner once (Next evaluates a module once per route bundle). */
export function startImportRunner(db: Database | (() => Promise<Database>)): ImportRunner {
  if (holder.parkleadImportRunner) return holder.parkleadImportRunner.runner;
  const runner = createImportRunner(db);
  const off = onImportWake(() => runner.wake());
  holder.parkleadImportRunner = { runner, off };
  runner.start();
  return runner;
}
