/*
 * What text from a client may hold before it is stored. PostgreSQL refuses NUL in text and in
 * jsonb, and a lone UTF-16 surrogate is not text at all (the driver writes it as U+FFFD, so what
 * is stored differs from what was checked). Other control characters and bidirectional overrides
 * are invisible on the page and make a name read differently from what it says, so they are
 * refused too rather than silently stripped: the person sees which field to fix.
 */

/** C0 controls except tab and line breaks, DEL, C1 controls, bidi embeddings/overrides/isolates, non-characters. */
const CONTROL_MULTILINE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/u;
/** In a one-line field, tab and line breaks (including U+2028/U+2029) are refused as well. */
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]/u;

/**
 * Characters that show nothing: every Unicode space (JavaScript's \s covers U+3000, U+00A0,
 * U+FEFF, U+2000–U+200A…) plus the zero-width and filler characters that \s does not.
 */
const INVISIBLE = "\\s\\u00ad\\u034f\\u115f\\u1160\\u180e\\u200b-\\u200d\\u2060-\\u2064\\u3164\\uffa0";
// eslint-disable-next-line no-misleading-character-class -- each listed character is invisible on its own, not a pair
const EDGES = new RegExp(`^[${INVISIBLE}]+|[${INVISIBLE}]+$`, "gu");
// eslint-disable-next-line no-misleading-character-class -- each listed character is invisible on its own, not a pair
const ONLY_INVISIBLE = new RegExp(`^[${INVISIBLE}]*$`, "u");

/**
 * A high surrogate not followed by a low one, or a low one not preceded by a high one (no lookbehind: older in-app
 * browsers).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

export type Cleaned = { ok: true; value: string } | { ok: false; error: "characters" };

/** Whether a person reading `value` would see nothing in it. */
export function isBlank(value: string): boolean {
  return ONLY_INVISIBLE.test(value);
}

/** Trims what shows nothing from both ends. */
export function trimInvisible(value: string): string {
  return value.replace(EDGES, "");
}

/**
 * The text to store, trimmed of invisible edges (line endings made \n in multi-line text), or
 * "characters" when it holds something that cannot be stored or shown faithfully.
 */
export function cleanText(value: string, { multiline = false }: { multiline?: boolean } = {}): Cleaned {
  if (LONE_SURROGATE.test(value)) return { ok: false, error: "characters" };
  // Trimmed first: a line break pasted after a one-line name is an edge, not content.
  const text = trimInvisible(multiline ? value.replace(/\r\n?/g, "\n") : value);
  if ((multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(text)) return { ok: false, error: "characters" };
  return { ok: true, value: text };
}

/** Length as PostgreSQL's varchar(n) counts it: in code points, so 𠮷 is one character, not two. */
export function lengthOf(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}
