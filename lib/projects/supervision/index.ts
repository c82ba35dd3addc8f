import "server-only";
import type { Database } from "../../db/client";
import { createEscalationRunner, type EscalationRunner } from "./runner";

/*
 * The process's 督办 escalation runner, started with the server (lib/startup): every instance runs one,
 * whether notifications are on or off.
 */

const holder = globalThis as typeof globalThis & { parkleadSupervisionEscalation?: EscalationRunner };

/** Starts this process's runner once (Next evaluates a module once per route bundle). */
export function startSupervisionEscalation(db: Database | (() => Promise<Database>)): EscalationRunner {
  holder.parkleadSupervisionEscalation ??= createEscalationRunner(db);
  holder.parkleadSupervisionEscalation.start();
  return holder.parkleadSupervisionEscalation;
}

export async function stopSupervisionEscalation(): Promise<void> {
  await holder.parkleadSupervisionEscalation?.stop();
}
