import "server-only";
import { getDb } from "./client";
import { logEvent } from "../log";

/** One round trip to the database, bounded so a hung server cannot hang the load balancer's probe. */
export async function checkDatabase(timeoutMs = 3000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const db = await getDb();
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("health check timed out")), timeoutMs);
      }),
    ]);
    return true;
  } catch (error) {
    logEvent("health.database_down", { error: error instanceof Error ? error.message : String(error) });
    return false;
  } finally {
    clearTimeout(timer);
  }
}
