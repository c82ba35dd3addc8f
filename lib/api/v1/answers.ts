import { createTranslator } from "use-intl/core";
import type { FieldErrors } from "../../forms/field-errors";
import { MAX_JSON_BODY_BYTES, readJsonBody } from "../../http/json-body";
import { loadMessages, type Locale } from "../../i18n/messages";
import { validationMessage } from "../../i18n/validation";
import { apiError } from "../errors";

/*
 * The refusals /api/v1's endpoints share, in the one error shape and the reader's language. Field
 * problems carry the forms' own words (validation.*), or the API's where only the API can go wrong
 * (api.v1.fieldErrors.*), under the field names the client sent.
 */

export async function apiText(locale: Locale) {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages });
  const fieldErrors = messages.api.v1.fieldErrors as Record<string, string>;
  return {
    t: createTranslator({ locale, messages, namespace: "api.v1" }),
    field(key: string) {
      const [name] = key.split(":");
      if (name in fieldErrors) return t(`api.v1.fieldErrors.${name}` as never);
      return validationMessage((k, v) => t(k as never, v as never), key);
    },
  };
}

/** 400 with each field's problem; `rename` maps the library's field names back to the API's. */
export async function invalidRequest(
  locale: Locale,
  errors: FieldErrors,
  rename: Record<string, string> = {},
): Promise<Response> {
  const text = await apiText(locale);
  const fields = Object.fromEntries(
    Object.entries(errors).map(([field, key]) => [rename[field] ?? field, text.field(key)]),
  );
  return apiError(400, "invalid_request", text.t("invalidRequest"), { fields });
}

export async function notFound(locale: Locale, what: "lead" | "listing"): Promise<Response> {
  const { t } = await apiText(locale);
  return apiError(404, "not_found", t(what === "lead" ? "leadNotFound" : "listingNotFound"));
}

/** A JSON body, or the 400 that says why there is none: wrong type, too large, not JSON. */
export async function jsonBodyOf(
  request: Request,
  locale: Locale,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const body = await readJsonBody(request);
  if (body.ok) return body;
  const { t } = await apiText(locale);
  const message = { 400: t("bodyNotJson"), 413: t("bodyTooLarge", { max: MAX_JSON_BODY_BYTES }), 415: t("bodyType") };
  return {
    ok: false,
    response: apiError(400, "invalid_request", message[body.status], {
      // The rest of an unread body would hold the connection (lib/http/json-body.ts bodyRefusal).
      headers: body.unread ? { Connection: "close" } : undefined,
    }),
  };
}

/** A list endpoint's query string as an object; a parameter given twice is refused rather than guessed. */
export function queryOf(request: Request): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URL(request.url).searchParams) {
    const earlier = query[name];
    query[name] = earlier === undefined ? value : [earlier].flat().concat(value);
  }
  return query;
}
