/*
 * What staff see of a pool lead's contact channels until they claim it. Chinese WeChat IDs and
 * emails are very often the phone itself (13812345678, 13812345678@139.com), and investors write
 * their number into messages and notes, so masking the phone alone would give it away next door.
 * Every mask here keeps only enough to recognise a value: a phone its first three and last four
 * digits (what the phone column shows), a WeChat ID or an email's name its first and last two
 * characters around a fixed "****" (which also hides its length).
 */

const DIGIT = "[0-9０-９]";
/** What people put between the groups of a number: spaces, dashes (also full-width), dots. */
const SEP = "[\\s\\-－–—.·]";
/**
 * A mainland mobile as people write it: optional +86 / 0086 / 86, then 1[3-9] and nine more digits,
 * with up to three separators between any two digits, not inside a longer number. Letters may touch
 * it, so "wx13812345678" and "Tel13812345678" are caught too.
 */
const MOBILE = new RegExp(
  `(?<!${DIGIT})(?<prefix>(?:[+＋]|00|００)?[8８][6６]${SEP}{0,3})?` +
    `(?<number>[1１]${SEP}{0,3}[3-9３-９](?:${SEP}{0,3}${DIGIT}){9})(?!${DIGIT})`,
  "gu",
);
const DIGITS = new RegExp(DIGIT, "gu");
/** Close to what the email field accepts (zod's z.email), plus a full-width @ as typed on Chinese keyboards. */
const EMAIL = /[A-Za-z0-9._%'+-]+[@＠][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** A WeChat ID is matched only as a whole word, not as part of a longer one. */
const HANDLE_CHAR = "[A-Za-z0-9_-]";

/** 13812345678 → 138****5678; +86 and other lengths keep only their first three and last four. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** A WeChat ID or an email's name: wxid_abc12378 → wx****78; short ones keep less, four or fewer nothing. */
export function maskHandle(value: string): string {
  const chars = Array.from(value);
  const keep = chars.length >= 8 ? 2 : chars.length >= 5 ? 1 : 0;
  return `${chars.slice(0, keep).join("")}****${chars.slice(chars.length - keep).join("")}`;
}

/** 13812345678@139.com → 13****78@139.com: the name masked, the mail provider kept (with any mobile in it masked). */
export function maskEmail(email: string): string {
  const at = Math.max(email.lastIndexOf("@"), email.lastIndexOf("＠"));
  if (at < 0) return maskHandle(email);
  return `${maskHandle(email.slice(0, at))}${email[at]}${maskMobiles(email.slice(at + 1))}`;
}

/** Every mainland mobile in a text, masked as maskPhone masks the lead's own (the +86 as written). */
export function maskMobiles(text: string): string {
  return text.replace(MOBILE, (...args) => {
    const groups = args[args.length - 1] as { prefix?: string; number: string };
    const digits = groups.number.match(DIGITS)!;
    return `${groups.prefix ?? ""}${digits.slice(0, 3).join("")}****${digits.slice(-4).join("")}`;
  });
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}

/**
 * Free text (an inquiry's message, notes, a timeline line, a task title) with every email, every
 * mainland mobile, and the lead's own WeChat ID and email masked. Emails go first, so
 * 13812345678@139.com reads 13****78@139.com as the email field does; then mobiles, so a phone
 * reads 138****5678 as the phone field does, even where it is also the WeChat ID.
 */
export function maskedText(text: string, known: { wechat?: string | null; email?: string | null } = {}): string {
  let masked = maskMobiles(text.replace(EMAIL, maskEmail));
  if (known.email) masked = masked.replace(new RegExp(escaped(known.email), "gi"), maskEmail);
  if (known.wechat && known.wechat.length >= 3) {
    const word = new RegExp(`(?<!${HANDLE_CHAR})${escaped(known.wechat)}(?!${HANDLE_CHAR})`, "gi");
    masked = masked.replace(word, maskHandle);
  }
  return masked;
}

/**
 * Whether a search term can only ever match text that masking leaves as it is. Masks touch ASCII
 * letters, digits and punctuation and the separators a phone is written with (after NFKC, full-width
 * forms are ASCII), so a term with none of them (Chinese words) matches a note exactly where it
 * matches the note as shown; any other term could find a masked WeChat ID, email or phone a
 * character at a time.
 */
export function searchesOnlyUnmaskedText(term: string): boolean {
  return !/[\u0000-\u007f\u00b7\u2013\u2014\uff01-\uff5e]/.test(term.normalize("NFKC"));
}
