import "server-only";
import type { Database } from "../../db/client";
import { startSweep, stopSweep, type SweepRunner } from "../../sweep-runner";
import { createEscalationRunner } from "./runner";

/** The process's 督办 escalation runner, started with the server (lib/startup), notifications on or off. */
export function startSupervisionEscalation(db: Database | (() => Promise<Database>)): SweepRunner {
  return startSweep("supervision", () => createEscalationRunner(db));
}

export function stopSupervisionEscalation(): Promise<void> {
  return stopSweep("supervision");
}
