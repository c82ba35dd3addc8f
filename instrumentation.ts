import type { Instrumentation } from "next";

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
  // Pages the browser may keep say what they vary by (proxy.ts cannot: Next sets a page's Vary itself).
  const { varyKeptPagesByLanguage } = await import("./lib/http/kept-page-vary");
  varyKeptPagesByLanguage();
  const { startServerDatabase, stopFailedStart } = await import("./lib/startup/server");
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

/**
 * A page render (or route, or action) that threw because the database is down marks this instance,
 * so proxy.ts answers the next page views 503 until the database is back: the page that met the
 * outage first is a 500 still (Next lets a page answer only 404/401/403), the ones after it are not.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, _request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteIfDatabaseUnavailable } = await import("./lib/db/outage");
  noteIfDatabaseUnavailable(error, `${context.routeType}:${context.routePath}`);
};
