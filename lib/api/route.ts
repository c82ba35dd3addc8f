import "server-only";
import { createTranslator } from "use-intl/core";
import { AccessDenied } from "../auth/access";
import { getDb } from "../db/client";
import { noteIfDatabaseUnavailable } from "../db/outage";
import { DATABASE_RETRY_AFTER_SECONDS } from "../http/database-unavailable";
import { localeFromAcceptLanguage } from "../i18n/accept-language";
import { loadMessages, type Locale } from "../i18n/messages";
import { logEvent } from "../log";
import { apiError } from "./errors";
import { authenticateApiKey, keyOfRequest, type RateLimitState } from "./keys/authenticate";
import { recordApiRequest } from "./keys/log";
import type { ApiCaller, ApiScope } from "./keys/scopes";

export type { ApiCaller, ApiScope } from "./keys/scopes";

type ApiHandler<Params> = (
  request: Request,
  context: { caller: ApiCaller; params: Params; locale: Locale },
) => Promise<Response>;

/**
 * The one door of every /api/v1 endpoint: the key (Authorization: Bearer, or X-Api-Key; a session
 * cookie opens nothing here), the endpoint's scope, the key's per-minute limit, then the handler.
 * Refusals take the one error shape (./errors.ts) in the reader's language. Every answer to a known
 * key is logged against it, without the query string. The database being down answers 503; an
 * AccessDenied from lib/ answers 403; any other error is a bug and is rethrown.
 */
export function apiRoute<Params = Record<string, never>>(
  door: string,
  scope: ApiScope,
  handler: ApiHandler<Params>,
): (request: Request, routeContext: { params: Promise<Params> }) => Promise<Response> {
  return async (request, routeContext) => {
    const started = performance.now();
    const now = new Date();
    const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
    const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "api" });
    let keyId: string | null = null;
    let used = false;
    let rate: RateLimitState | null = null;

    const answer = async (): Promise<Response> => {
      const db = await getDb();
      const check = await authenticateApiKey(db, keyOfRequest(request.headers), now);
      if (!check.ok) {
        if ("keyId" in check) keyId = check.keyId;
        const challenge = check.reason === "missing" ? "Bearer" : 'Bearer error="invalid_token"';
        const message = t(`${check.reason}Key`);
        return apiError(401, "unauthorized", message, { headers: { "WWW-Authenticate": challenge } });
      }
      keyId = check.caller.keyId;
      used = true;
      rate = check.rate;
      if (rate.retryAfterSeconds !== null) {
        return apiError(429, "rate_limited", t("rateLimited", { limit: rate.limit, seconds: rate.retryAfterSeconds }), {
          headers: { "Retry-After": String(rate.retryAfterSeconds) },
        });
      }
      if (!check.caller.scopes.includes(scope)) return apiError(403, "forbidden", t("missingScope", { scope }));
      return handler(request, { caller: check.caller, params: await routeContext.params, locale });
    };

    let response: Response;
    try {
      response = await answer();
    } catch (error) {
      if (error instanceof AccessDenied) response = apiError(403, "forbidden", t("accessDenied"));
      else if (noteIfDatabaseUnavailable(error, door)) {
        response = apiError(503, "unavailable", t("unavailable"), {
          headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
        });
      } else {
        if (keyId) await logRequest(door, request, { keyId, status: 500, started, now, used });
        throw error;
      }
    }
    if (keyId) await logRequest(door, request, { keyId, status: response.status, started, now, used });
    return rate ? withRateHeaders(response, rate) : response;
  };
}

function withRateHeaders(response: Response, rate: RateLimitState): Response {
  const headers = new Headers(response.headers);
  headers.set("X-RateLimit-Limit", String(rate.limit));
  headers.set("X-RateLimit-Remaining", String(rate.remaining));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The log row is written after the answer is made: it never changes the answer. Losing the database
 * here leaves the work done and answered; the outage is noted for the next request.
 */
async function logRequest(
  door: string,
  request: Request,
  entry: { keyId: string; status: number; started: number; now: Date; used: boolean },
): Promise<void> {
  try {
    await recordApiRequest(await getDb(), {
      keyId: entry.keyId,
      method: request.method,
      path: new URL(request.url).pathname,
      status: entry.status,
      durationMs: performance.now() - entry.started,
      at: entry.now,
      used: entry.used,
    });
  } catch (error) {
    if (!noteIfDatabaseUnavailable(error, door)) logEvent("api.request_log_failed", { door, keyId: entry.keyId });
  }
}
