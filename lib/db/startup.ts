import { getOpenedDatabase } from "./client";
import { env } from "../env";
import { logEvent } from "../log";

/**
 * Opens the database at server start and closes it on shutdown: a file-backed PGlite that is not
 * closed keeps Node alive and may leave its folder needing recovery.
 */
export async function startServerDatabase(): Promise<void> {
  env();
  try {
    const opened = await getOpenedDatabase();
    let closing = false;
    const close = (signal: NodeJS.Signals) => {
      if (closing) return;
      closing = true;
      logEvent("server.stopping", { signal });
      opened
        .close()
        .catch((error) => logEvent("database.close_failed", { error: String(error) }))
        .finally(() => process.exit(0));
    };
    process.once("SIGTERM", close);
    process.once("SIGINT", close);
  } catch (error) {
    // A PostgreSQL server that is down at start must not stop the app: /api/health reports it
    // and the next request tries again.
    logEvent("database.unavailable_at_start", { error: error instanceof Error ? error.message : String(error) });
    if (!env().DATABASE_URL) throw error;
  }
}
