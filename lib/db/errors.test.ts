import { describe, expect, it } from "vitest";
import { Prisma } from "./generated/client";
import { isDatabaseUnavailable } from "./errors";

/** The shape Prisma 7 gives a PostgreSQL error raised inside a query (seen in the outage test). */
function inQuery(cause: Record<string, unknown>, prismaCode = "P2039") {
  const driverAdapterError = Object.assign(new Error(String(cause.message ?? cause.kind)), {
    name: "DriverAdapterError",
    cause,
  });
  return new Prisma.PrismaClientKnownRequestError(`Database error. Code: \`${cause.code ?? "N/A"}\`.`, {
    code: prismaCode,
    clientVersion: "7",
    meta: { modelName: "Setting", driverAdapterError },
  });
}

function postgres(code: string, message: string) {
  return { kind: "postgres", code, originalCode: code, severity: "FATAL", message, originalMessage: message };
}

function socket(code: string) {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -1, syscall: "connect" });
}

describe("isDatabaseUnavailable", () => {
  it.each([
    ["57P01 admin_shutdown", inQuery(postgres("57P01", "terminating connection due to administrator command"))],
    [
      "57P02 crash_shutdown",
      inQuery(postgres("57P02", "terminating connection because of crash of another server process")),
    ],
    [
      "57P03 not yet accepting connections",
      inQuery(postgres("57P03", "the database system is not yet accepting connections")),
    ],
    ["57P03 in a raw query", inQuery(postgres("57P03", "the database system is starting up"), "P2010")],
    ["53300 too_many_connections", inQuery(postgres("53300", "sorry, too many clients already"))],
    [
      "a database closed to connections (55000, FATAL)",
      inQuery(postgres("55000", 'database "parklead" is not currently accepting connections')),
    ],
    ["08P01 protocol_violation (class 08)", inQuery(postgres("08P01", "invalid frontend message type"))],
    ["08006 connection_failure (class 08)", inQuery(postgres("08006", "connection failure"))],
    [
      "the adapter's DatabaseNotReachable",
      inQuery({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }, "P1001"),
    ],
    ["the adapter's ConnectionClosed", inQuery({ kind: "ConnectionClosed" }, "P2010")],
    ["the adapter's SocketTimeout", inQuery({ kind: "SocketTimeout" }, "P1008")],
    ["ECONNREFUSED at start (node-postgres)", socket("ECONNREFUSED")],
    ["ECONNRESET", socket("ECONNRESET")],
    ["ETIMEDOUT", socket("ETIMEDOUT")],
    ["EPIPE", socket("EPIPE")],
    ["EHOSTUNREACH", socket("EHOSTUNREACH")],
    [
      "every address refused (AggregateError)",
      new AggregateError([socket("ECONNREFUSED"), socket("ECONNREFUSED")], ""),
    ],
    [
      "a pg DatabaseError 57P03 at connect",
      Object.assign(new Error("the database system is starting up"), { code: "57P03", severity: "FATAL" }),
    ],
    ["a server gone mid-query (node-postgres, no code)", new Error("Connection terminated unexpectedly")],
    ["pg-pool's connect timeout (no code)", new Error("timeout exceeded when trying to connect")],
    ["a client's own connect timeout (no code)", new Error("timeout expired")],
    ["a wrapped cause", new Error("request failed", { cause: socket("ECONNREFUSED") })],
    [
      "Prisma's initialization error code",
      Object.assign(new Error("Can't reach database server"), {
        name: "PrismaClientInitializationError",
        errorCode: "P1001",
      }),
    ],
  ])("%s is unavailability", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    [
      "a unique violation",
      inQuery({ kind: "UniqueConstraintViolation", constraint: { fields: ["reference"] } }, "P2002"),
    ],
    ["a syntax error", inQuery(postgres("42601", 'syntax error at or near "SELEC"'), "P2010")],
    [
      "55000 within a session (not FATAL)",
      inQuery(
        { ...postgres("55000", "currval of sequence is not yet defined in this session"), severity: "ERROR" },
        "P2010",
      ),
    ],
    [
      "a failed authentication (never heals by waiting)",
      inQuery({ kind: "AuthenticationFailed", user: "parklead" }, "P1000"),
    ],
    [
      "a database that does not exist",
      Object.assign(new Error('database "parklead" does not exist'), { code: "3D000", severity: "FATAL" }),
    ],
    [
      "a bug whose message merely mentions a connection",
      new Error("ECONNREFUSED: Connection terminated while rendering"),
    ],
    ["a bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["nothing", undefined],
    ["a string", "ECONNREFUSED"],
  ])("%s is not", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("ends on a cause that points back at itself", () => {
    const error = new Error("loop") as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
