import "server-only";
import type { Database } from "../../db/client";
import { startSweep, stopSweep, type SweepRunner } from "../../sweep-runner";
import { createHoldExpiryRunner } from "./runner";

/** The process's hold expiry runner, started with the server (lib/startup), notifications on or off. */
export function startHoldExpiry(db: Database | (() => Promise<Database>)): SweepRunner {
  return startSweep("holds", () => createHoldExpiryRunner(db));
}

export function stopHoldExpiry(): Promise<void> {
  return stopSweep("holds");
}
