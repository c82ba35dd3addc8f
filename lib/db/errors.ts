/**
 * True when an error means the database could not be reached or dropped the connection, as
 * opposed to a bug or a constraint: the caller then says "try again later" and keeps the input.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof name === "string" && name === "PrismaClientInitializationError") return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // reached but timed out
  "P1017", // server closed the connection
  "P2024", // timed out waiting for a pooled connection
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01", // admin_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08006",
  "DatabaseNotReachable",
  "ConnectionClosed",
]);

const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|Connection terminated|connection (was )?closed|Can't reach database|database system is (shutting down|starting up)|PGlite is closed|terminating connection|not currently accepting connections|Connection ended unexpectedly/i;
