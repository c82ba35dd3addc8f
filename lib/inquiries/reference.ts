import { randomBytes } from "node:crypto";

/** Crockford-style alphabet: no I, L, O or U, so a reference survives being read over the phone. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

const shanghaiDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "2-digit",
  month: "2-digit",
  day: "2-digit",
});

/** PL-YYMMDD-XXXXX: the business day in Asia/Shanghai, then 32⁵ (33 million) random codes per day. */
export function newInquiryReference(now = new Date()): string {
  const day = shanghaiDate.format(now).replace(/-/g, "");
  let code = "";
  // 32 letters: five bits of each random byte pick one without bias.
  for (const byte of randomBytes(5)) code += ALPHABET[byte & 31];
  return `PL-${day}-${code}`;
}

export const REFERENCE_PATTERN = /^PL-\d{6}-[0-9A-HJKMNP-TV-Z]{5}$/;
