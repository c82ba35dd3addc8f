import { NextResponse } from "next/server";

/** Long enough for PostgreSQL to come back from a restart, short enough that a client soon retries. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE = {
  error: "database_unavailable",
  // Both languages: machine clients and load balancers read this body, not people choosing a language.
  message: "数据库暂时不可用，请稍后再试 / The database is temporarily unavailable; please try again shortly",
} as const;

/**
 * The one answer of every API door while the database cannot be reached: 503 with a body that
 * says so and when to retry, never a 500 with an empty body. `extra` adds a door's own fields.
 */
export function databaseUnavailableResponse(extra: Record<string, unknown> = {}): NextResponse {
  return NextResponse.json(
    { ...extra, ...DATABASE_UNAVAILABLE },
    { status: 503, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}
