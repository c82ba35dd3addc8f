import "server-only";
import { markDatabaseUnavailable } from "./availability";
import { isDatabaseUnavailable } from "./errors";
import { checkDatabase } from "./health";
import { logEvent } from "../log";

/** Short: the probe runs while a page request waits in proxy.ts. */
const PROBE_TIMEOUT_MS = 1000;

/**
 * Whether `error` is the database being unavailable (lib/db/errors.ts); if so, marks this instance
 * so proxy.ts answers page requests 503 until the database answers again, and logs the door.
 */
export function noteIfDatabaseUnavailable(error: unknown, door: string): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  markDatabaseUnavailable(() => checkDatabase(PROBE_TIMEOUT_MS));
  logEvent("database.unavailable", { door });
  return true;
}
