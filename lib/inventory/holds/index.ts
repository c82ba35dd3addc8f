import "server-only";
import type { Database } from "../../db/client";
import { createHoldExpiryRunner, type HoldExpiryRunner } from "./runner";

/*
 * The process's hold expiry runner, started with the server (lib/startup): every instance runs one,
 * whether notifications are on or off.
 */

const holder = globalThis as typeof globalThis & { parkleadHoldExpiry?: HoldExpiryRunner };

/** Starts this process's runner once (Next evaluates a module once per route bundle). */
export function startHoldExpiry(db: Database | (() => Promise<Database>)): HoldExpiryRunner {
  holder.parkleadHoldExpiry ??= createHoldExpiryRunner(db);
  holder.parkleadHoldExpiry.start();
  return holder.parkleadHoldExpiry;
}

export async function stopHoldExpiry(): Promise<void> {
  await holder.parkleadHoldExpiry?.stop();
}
