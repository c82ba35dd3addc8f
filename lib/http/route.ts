import "server-only";
import { noteIfDatabaseUnavailable } from "../db/outage";
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE,
  databaseUnavailableResponse,
} from "./database-unavailable";

/**
 * Wraps a route handler so the database being unavailable — wherever it surfaces: the session
 * check, the query, next-auth's own reads — answers 503 with the reason and Retry-After instead of
 * Next's empty 500. Any other error is rethrown untouched (it is a bug and must stay a 500).
 *
 * `plain`: for downloads and files, whose callers (a browser saving a file, an <img>) read no
 * JSON: the same 503 as text.
 */
export function withDatabaseErrors<Args extends unknown[]>(
  door: string,
  handler: (...args: Args) => Promise<Response>,
  { plain = false }: { plain?: boolean } = {},
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!noteIfDatabaseUnavailable(error, door)) throw error;
      return plain ? plainDatabaseUnavailableResponse() : databaseUnavailableResponse();
    }
  };
}

export function plainDatabaseUnavailableResponse(): Response {
  return new Response(DATABASE_UNAVAILABLE.message, {
    status: 503,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
    },
  });
}
