import "server-only";
import type { Database } from "../../db/client";
import { createSweepRunner, type SweepOptions, type SweepRunner } from "../../sweep-runner";
import { escalateOverdue } from "./escalation";

/** The 督办 escalation sweep (lib/sweep-runner.ts): escalates each overdue item once, whichever instances run it. */
export const ESCALATION_POLL_MS = 60_000;

export function createEscalationRunner(
  db: Database | (() => Promise<Database>),
  options: SweepOptions = {},
): SweepRunner {
  return createSweepRunner(
    db,
    escalateOverdue,
    { name: "supervision", done: "escalated", counted: "escalated" },
    { pollMs: ESCALATION_POLL_MS, ...options },
  );
}
