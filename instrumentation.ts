/**
 * Runs once when a server instance starts, before it takes requests: validates the environment
 * and opens the database (PGlite's first open takes seconds; migrations run here, not on a request).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerDatabase } = await import("./lib/db/startup");
  await startServerDatabase();
}
