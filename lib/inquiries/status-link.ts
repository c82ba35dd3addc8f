import "server-only";
import { timingSafeEqual } from "node:crypto";
import { keyedDigest } from "../auth/secret";
import { publicUrl } from "../http/public-url";

/*
 * The investor's way back to their inquiry without an account: the inquiry's id with a keyed digest of
 * it under the server secret. Nothing is stored, so a database copy cannot mint a link; whoever holds the
 * link is taken to be the person who made the inquiry (it reached them by mail or on their own screen).
 */

const PURPOSE = "inquiry-status";
/** 32 base64url characters: 192 bits, far beyond guessing. */
const TOKEN_LENGTH = 32;

export function statusToken(inquiryId: string): string {
  return keyedDigest(PURPOSE, inquiryId, TOKEN_LENGTH);
}

/** The path segment of the status page: `<inquiryId>.<token>`. */
export function statusKey(inquiryId: string): string {
  return `${inquiryId}.${statusToken(inquiryId)}`;
}

/** The status page's absolute address, for the receipt and the confirmation page. */
export function statusUrl(inquiryId: string): string {
  return publicUrl(`/inquire/status/${statusKey(inquiryId)}`);
}

/** Whether `token` is the inquiry's own, compared in constant time. */
export function tokenMatches(inquiryId: string, token: string): boolean {
  const expected = Buffer.from(statusToken(inquiryId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The inquiry a status key opens, or null for anything else: a wrong token says nothing more than a missing one. */
export function inquiryIdOf(key: string): string | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{1,64})$/.exec(key);
  if (!match) return null;
  return tokenMatches(match[1], match[2]) ? match[1] : null;
}
