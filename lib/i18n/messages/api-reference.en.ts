import type { Messages } from "../messages";

export const apiReferenceEn: Messages["apiReference"] = {
  title: "Parklead API reference (v1)",
  documentDescription:
    "Partner systems send inquiries, read leads and listings and move leads between stages through /api/v1. " +
    "Field names are camelCase (as /api/inquiries), amounts are decimal strings in 万元, areas come with their unit, " +
    "instants are ISO 8601 in UTC.",
  metaDescription: "The Parklead API v1: authentication, errors, pagination, idempotency, rate limits and endpoints",
  intro:
    "Partner systems (investment platforms, trade-fair and agency systems, the city and provincial reporting " +
    "platforms) send inquiries, read leads with their inquiries, move leads between stages and read published " +
    "listings through /api/v1. This page is generated from the machine-readable OpenAPI 3.1 document: the two agree.",
  footerLink: "Developer API",
  openapiLink: "The OpenAPI 3.1 document (JSON)",
  contents: "Contents",
  conventionsHeading: "Conventions",
  conventions:
    "Requests and answers are JSON (UTF-8). Field names are camelCase; amounts are decimal strings in 万元 " +
    '(CNY 10,000), such as "300.5", so no float rounds them; areas are strings in the unit beside them (SQM m², ' +
    "MU 亩); instants are ISO 8601 in UTC; codes (stages, kinds) are in capitals. An inquiry's choices keep the " +
    "public form's lower-case codes.",
  authHeading: "Authentication",
  auth:
    "Admins create keys under Settings › API keys, with scopes (inquiries:write, leads:read, leads:write, " +
    "listings:read), an optional park restriction and an expiry. A key is shown once. Send it as Authorization: " +
    "Bearer <key> or X-Api-Key: <key>; a signed-in session opens no API door. A missing, unknown, revoked or expired " +
    "key answers 401, a key without the scope 403. A key restricted to a park sees that park's leads and listings " +
    "only: another park's records answer 404.",
  errorsHeading: "Errors",
  errorShape:
    "Every refusal has one shape: error.code for programs, error.message in the language of Accept-Language " +
    "(Chinese unless English is asked for), and error.fields naming each invalid input with its problem, in the " +
    "public form's words.",
  paginationHeading: "Pagination",
  pagination:
    "Lists are paged by their last change, oldest first (keyset pagination). limit is the page size (1–200, " +
    "default 50); updated_since lists only records changed at or after that instant; pass next_cursor from an " +
    "answer as the next request's cursor, as it came; null means the last page. To sync, keep the last record's " +
    "updatedAt and send it as updated_since next time: no change is missed.",
  idempotencyHeading: "Idempotency",
  idempotency:
    "An inquiry may carry an Idempotency-Key header (1–200 visible characters). Retry with the same key after a " +
    "network failure: the same body gets the first answer again, with Idempotent-Replayed: true; a different body " +
    "409. A stage move may carry If-Match with the lead's version: 409 if the lead changed since.",
  rateLimitsHeading: "Rate limits",
  rateLimits:
    "Each key may make a number of requests a minute (120 unless the admin set another), counted across every " +
    "server instance. Every answer carries X-RateLimit-Limit and X-RateLimit-Remaining; beyond the limit the answer " +
    "is 429 with Retry-After in seconds. Inquiries are also limited per IP address and phone, as on the public form.",
  webhooksHeading: "Webhooks",
  webhooks: "Changes to leads and inquiries can also be pushed to your address, in this API's schemas.",
  schemasHeading: "Schemas",
  scopeLine: "Required scope",
  method: "Method",
  parameters: "Parameters",
  requestBody: "Request body",
  responses: "Responses",
  field: "Field",
  type: "Type",
  where: "In",
  required: "Required",
  description: "Description",
  yes: "yes",
  no: "no",
  status: "Status",
  curlExample: "curl example",
  headers: {
    rateLimit: "Requests this key may make a minute",
    rateRemaining: "Requests left this minute",
    retryAfter: "Seconds to wait before retrying",
  },
  errors: {
    invalid_request:
      "Invalid request: fields names each problem; a body that is not JSON, too large or of the wrong Content-Type too",
    unauthorized: "No key, or an unknown, revoked or expired key",
    forbidden: "The key lacks this endpoint's scope",
    not_found: "No such record, or not one this key may see",
    conflict: "Conflict: the Idempotency-Key was used for another body, or the lead's version changed",
    rate_limited: "Too many requests: wait for Retry-After and retry",
    unavailable: "The database is temporarily unavailable: retry shortly",
  },
  resources: {
    inquiries: "Inquiries: the public form's own path; the same phone joins its existing lead",
    leads: "Leads: one company's need, stage and officer, with all its inquiries",
    listings: "Listings: the parks' published factories, offices and land",
  },
  bearer: "The API key, as Authorization: Bearer <key>",
  headerKey: "The API key, in the X-Api-Key header instead",
  operations: {
    createInquiry: {
      summary: "Send an inquiry",
      description:
        "The public form's rules (validation, rate limits, the same phone joining its lead), channel API. A key " +
        "restricted to a park must give one of that park's listings as listingId: none answers 400, another park's " +
        "or an unpublished listing 404.",
      success: "Received; a replay carries Idempotent-Replayed: true",
    },
    listLeads: {
      summary: "List leads, page by page",
      description:
        "Oldest change first. Leads merged away are left out; archived ones are listed with archivedAt; an erased " +
        "lead's personal fields are null.",
      success: "A page of leads",
    },
    getLead: {
      summary: "Read a lead with its inquiries",
      description:
        "The lead and its latest inquiries (newest first, at most 100; inquiryCount gives them all). Inquiries " +
        "have no endpoint of their own.",
      success: "The lead with its inquiries",
    },
    moveLeadStage: {
      summary: "Move a lead to another stage",
      description:
        "The board's rules and messages: a lost stage needs a lost reason (and the park chosen, when the reason asks " +
        "for it), the won stage the signed area with its unit and the annual tax. Written to the audit log and the " +
        "lead's timeline, with this key as the mover.",
      success: "The lead after the move",
    },
    listListings: {
      summary: "List published listings, page by page",
      description: "Oldest change first; published listings only.",
      success: "A page of listings",
    },
    getListing: {
      summary: "Read a published listing",
      description: "A listing not published, or outside the key's park, answers 404.",
      success: "The listing",
    },
  },
};
