/**
 * True when an error means the database could not be reached, is starting or stopping, or dropped
 * the connection — a state that passes by itself — as opposed to a bug, a constraint or a
 * misconfiguration: the caller then answers 503 "try again later" and keeps the input.
 *
 * Decided by codes: PostgreSQL's SQLSTATE, Node's socket error codes, the Prisma driver adapter's
 * error kinds and Prisma's own error codes, wherever they sit in the chain (`cause`, and
 * `meta.driverAdapterError` on Prisma's known request errors, which is where a SQLSTATE raised
 * inside a query ends up). Message text is read only for the few errors that carry no code at all.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const { code, originalCode, errorCode, kind, severity, message, cause, meta, errors } = current as Record<
      string,
      unknown
    >;
    if ([code, originalCode, errorCode].some(isUnavailableCode)) return true;
    // 55000 is a broad class (object_not_in_prerequisite_state); only as FATAL, ending the session,
    // is it "database is not currently accepting connections" (ALTER DATABASE … ALLOW_CONNECTIONS false).
    if ((code === "55000" || originalCode === "55000") && severity === "FATAL") return true;
    if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
    if (typeof message === "string" && CODELESS_MESSAGES.has(message)) return true;
    queue.push(cause, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
    if (Array.isArray(errors)) queue.push(...errors); // AggregateError: one per address tried
  }
  return false;
}

function isUnavailableCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  // SQLSTATE class 08: connection exception (08000, 08001, 08003, 08004, 08006, 08P01, …).
  return /^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_CODES.has(code);
}

const UNAVAILABLE_CODES = new Set([
  // PostgreSQL SQLSTATEs
  "57P01", // admin_shutdown: the server is stopping (a fast or immediate shutdown ends every session)
  "57P02", // crash_shutdown: another backend crashed and the server is restarting
  "57P03", // cannot_connect_now: starting up, shutting down, or recovering ("not yet accepting connections")
  "53300", // too_many_connections
  // Node socket errors (connect, read and write)
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN", // DNS lookup failed for now (a failover rewriting the record)
  // Prisma's codes for the same states
  "P1001", // can't reach database server
  "P1002", // reached but timed out
  "P1008", // operation timed out
  "P1017", // server closed the connection
  "P2024", // timed out waiting for a pooled connection
  "P2037", // too many database connections
]);

/** The Prisma driver adapter's kinds (@prisma/adapter-pg maps socket errors to these, without a SQLSTATE). */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * Errors raised with a bare `new Error(message)` and no code by the drivers themselves, matched
 * whole so nothing else can pass for them: node-postgres when the server closes a socket mid-query
 * (lib/client.js), a broken client is reused, or a client's own connectionTimeoutMillis passes
 * ("timeout expired", the migration client in open.ts), pg-pool when no connection comes within
 * connectionTimeoutMillis (index.js), and PGlite when a query arrives after it was closed at
 * shutdown. The adapter passes such errors through unmapped (convertDriverError rethrows them).
 */
const CODELESS_MESSAGES = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "timeout expired",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
  "PGlite is closed",
]);
