import "server-only";
import { getDb } from "./client";
import { isDatabaseUnavailable } from "./errors";
import { logEvent } from "../log";

/**
 * One round trip to the database, bounded so a hung server cannot hang the load balancer's probe.
 * Any failure is "not healthy" — the probe's question is whether the database answers — but the
 * log says whether it was unavailability (passes by itself) or something else (needs a person).
 */
export async function checkDatabase(timeoutMs = 3000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const db = await getDb();
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error("health check timed out"), { code: "ETIMEDOUT" })),
          timeoutMs,
        );
      }),
    ]);
    return true;
  } catch (error) {
    logEvent("health.database_down", {
      unavailable: isDatabaseUnavailable(error),
      error: error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error),
    });
    return false;
  } finally {
    clearTimeout(timer);
  }
}
