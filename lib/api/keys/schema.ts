import { z } from "zod";
import { calendarDay, existingId, integer, optional, text } from "../../forms/fields";
import { API_SCOPES } from "./scopes";

/*
 * The admin's API key forms, shared by the browser's check and the server. Messages are i18n keys
 * ("validation.<key>").
 */

/** Enough for a partner's sync every second; a key that needs more is a job for the operator. */
export const MAX_RATE_LIMIT = 6_000;
export const DEFAULT_RATE_LIMIT = 120;

export const apiKeySchema = z.strictObject({
  name: text({ max: 60 }),
  scopes: z.array(z.enum(API_SCOPES, "choice"), "scopeRequired").min(1, "scopeRequired"),
  /** absent or blank: every park */
  parkId: optional(existingId),
  /** the last day (Shanghai) the key works; absent or blank: no expiry */
  expiresOn: optional(calendarDay),
  /** requests a minute */
  rateLimit: integer({ min: 1, max: MAX_RATE_LIMIT }),
});
export type ApiKeyInput = z.input<typeof apiKeySchema>;

export const apiKeyIdSchema = z.strictObject({ keyId: existingId });

/** A page of a key's request log: older than this log row's id. */
export const requestLogCursorSchema = z.string().regex(/^\d{1,19}$/);
