import "server-only";
import { getDb } from "../../../db/client";
import { clientIp } from "../../../http/client-ip";
import { parseIdempotencyKey } from "../../../inquiries/idempotency-key";
import { statusUrl } from "../../../inquiries/status-link";
import { inquirySourceSchema, sourceFromUrl } from "../../../inquiries/source";
import { apiError } from "../../errors";
import { apiRoute } from "../../route";
import { apiText, invalidRequest, jsonBodyOf } from "../answers";
import { operations } from "../operations";
import type { InquiryCreated } from "./schema";
import { submitApiInquiry } from "./mutations";

export const createInquiryEndpoint = apiRoute(
  operations.createInquiry.door,
  operations.createInquiry.scope,
  async (request, { caller, locale }) => {
    const key = parseIdempotencyKey(request.headers.get("idempotency-key"));
    if (key === false) return invalidRequest(locale, { "Idempotency-Key": "idempotencyKey" });
    const body = await jsonBodyOf(request, locale);
    if (!body.ok) return body.response;
    const result = await submitApiInquiry(await getDb(), caller, body.value, {
      locale,
      idempotencyKey: key,
      clientIp: clientIp(request.headers),
      // A partner's own UTM tags on the address count, as on POST /api/inquiries.
      source: inquirySourceSchema.parse({ ...sourceFromUrl(new URL(request.url)), page: "api" }),
    });
    if (result.ok) {
      const created: InquiryCreated = { id: result.id, reference: result.reference, statusUrl: statusUrl(result.id) };
      return Response.json(created, {
        status: 201,
        headers: result.replayed ? { "Idempotent-Replayed": "true" } : undefined,
      });
    }
    const { t, field } = await apiText(locale);
    switch (result.reason) {
      case "invalid":
        return invalidRequest(locale, result.fieldErrors);
      case "listingRequired":
        return invalidRequest(locale, { listingId: "listingRequired" });
      case "listingElsewhere":
        return apiError(404, "not_found", t("listingNotFound"), { fields: { listingId: field("listingElsewhere") } });
      case "keyReused":
        return apiError(409, "conflict", field("idempotencyKeyReused"), {
          fields: { "Idempotency-Key": field("idempotencyKeyReused") },
        });
      case "rateLimited":
        return apiError(
          429,
          "rate_limited",
          t("inquiryRateLimited", { minutes: Math.ceil(result.retryAfterSeconds / 60) }),
          { headers: { "Retry-After": String(result.retryAfterSeconds) } },
        );
    }
  },
);
