import type { Messages } from "../messages";

export const apiEn: Messages["api"] = {
  missingKey: "No API key: send it as a bearer token in the Authorization header, or in X-Api-Key",
  unknownKey: "The API key is not valid",
  revokedKey: "This API key has been revoked",
  expiredKey: "This API key has expired",
  missingScope: "This API key does not have the {scope} scope",
  accessDenied: "This API key may not do that",
  rateLimited: "Too many requests: this key may make {limit} a minute; try again in {seconds} seconds",
  unavailable: "The database is temporarily unavailable; please try again shortly",
  v1: {
    invalidRequest: "The request is not valid: correct each field named in fields and try again",
    bodyNotJson: "The request body is not valid JSON",
    bodyTooLarge: "The request body may not be over {max} bytes",
    bodyType: "The Content-Type header must be application/json",
    leadNotFound: "No such lead, or this key may not see it",
    listingNotFound: "No such published listing, or this key may not see it",
    versionChanged: "The lead has changed (it is now at version {version}): read it again and retry",
    inquiryRateLimited: "Too many inquiries: try again in {minutes} minutes",
    fieldErrors: {
      cursor: "Not a valid cursor: pass the previous page's next_cursor as it came",
      dateTime: "Give an ISO 8601 instant, such as 2026-12-01T00:00:00Z",
      ifMatch: 'If-Match must be the lead\'s version, such as "3"',
      listingRequired: "A key restricted to a park must name one of that park's listings in listingId",
      listingElsewhere: "No such listing, or it is not in this key's park",
    },
  },
};
