import "server-only";
import { timingSafeEqual } from "node:crypto";
import { keyedDigest } from "../auth/secret";

/*
 * The inquiry form's two spam signals, judged together, never alone:
 * - the honeypot: a field people never see (a browser's autofill or a password manager can still
 *   fill it), and
 * - the time trap: the form sent sooner than PARKLEAD_FORM_MIN_FILL_MS after the server showed it
 *   (an investor whose browser autofills every field can press submit within a second).
 * The time the form was shown is signed by the server, so a script cannot claim it saw the form
 * long ago; a missing or forged stamp counts as "too fast".
 *
 *   too fast  honeypot  JavaScript ran  →
 *   no        any       any             accepted (a bot that waits is left to the rate limits)
 *   yes       filled    any             refused  ("rejected": both signals agree)
 *   yes       empty     yes             accepted (a person with autofill)
 *   yes       empty     no              held back ("tooFast": press again; the no-JS form and
 *                                       scripts that post the bare HTML form land here)
 */

const PURPOSE = "inquiry-form-shown";

/** The time the form is shown, signed: `<ms since epoch>.<digest>`. */
export function signRenderTime(now = Date.now()): string {
  return `${now}.${keyedDigest(PURPOSE, String(now))}`;
}

/** The signed time, or undefined when the stamp is missing, malformed or not ours. */
export function renderTimeOf(stamp: string | undefined): number | undefined {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(stamp ?? "");
  if (!match) return undefined;
  const expected = Buffer.from(keyedDigest(PURPOSE, match[1]));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(match[1]) : undefined;
}

export type SpamVerdict = "accept" | "holdBack" | "reject";

export interface SubmissionSignals {
  honeypot: string | undefined;
  renderStamp: string | undefined;
  /** Set by the form's script once it ran in the browser; absent from a bare HTML post. */
  scripted: boolean;
  minFillMs: number;
  now?: number;
}

export function judgeSubmission({
  honeypot,
  renderStamp,
  scripted,
  minFillMs,
  now = Date.now(),
}: SubmissionSignals): SpamVerdict {
  const shownAt = renderTimeOf(renderStamp);
  // 0 turns the time trap off (and with it the need for a stamp).
  const tooFast = minFillMs > 0 && (shownAt === undefined || now - shownAt < minFillMs);
  if (!tooFast) return "accept";
  if ((honeypot ?? "") !== "") return "reject";
  return scripted ? "accept" : "holdBack";
}
