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
};
