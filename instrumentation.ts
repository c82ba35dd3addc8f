/**
 * Runs once when a server instance starts, before it takes requests: validates the environment
 * and opens the database (PGlite's first open takes seconds; migrations run here, not on a request).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First of all: from here on every request carries its socket's address, not one a client wrote,
  // whether `next start` or scripts/start.mjs owns the server (both run register() in its process).
  const { stampPeerAddresses } = await import("./lib/http/peer-address");
  stampPeerAddresses();
  const { startServerDatabase, stopFailedStart } = await import("./lib/db/startup");
  // Whatever fails here stops the process with one line (see stopFailedStart): never throw from register().
  try {
    const { serverSecret } = await import("./lib/auth/secret");
    // Before the database opens: PostgreSQL without NEXTAUTH_SECRET fails at once (SecretMissing).
    serverSecret();
    await startServerDatabase();
  } catch (error) {
    stopFailedStart(error);
  }
}
