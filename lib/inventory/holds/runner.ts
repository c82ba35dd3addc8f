import "server-only";
import type { Database } from "../../db/client";
import { createSweepRunner, type SweepOptions, type SweepRunner } from "../../sweep-runner";
import { expireHolds } from "./expiry";

/** The hold expiry sweep (lib/sweep-runner.ts): releases each expired hold once, whichever instances run it. */
export const HOLD_EXPIRY_POLL_MS = 30_000;

export function createHoldExpiryRunner(
  db: Database | (() => Promise<Database>),
  options: SweepOptions = {},
): SweepRunner {
  return createSweepRunner(
    db,
    expireHolds,
    { name: "holds", done: "expired", counted: "released" },
    { pollMs: HOLD_EXPIRY_POLL_MS, ...options },
  );
}
