/*
 * Search without a Chinese tokenizer in PostgreSQL (none ships with it or with PGlite): each lead
 * stores the tokens of its text in "searchTokens" (GIN-indexed), and a query asks for leads that
 * hold every token of the query (`@>`), then rechecks the text itself, since tokens only narrow.
 *   Chinese: every character and every pair of neighbouring characters.
 *   Latin words: every prefix of 2–12 letters, so "acm" finds "Acme".
 *   Digits (phones): every prefix of 2–12 digits and every run of four, so "138" and "5678" both find 13812345678.
 */

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const MAX_PREFIX = 12;
const NOTE_CHARS = 2000;

function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

function hanTokens(run: string, into: Set<string>): void {
  const chars = Array.from(run);
  chars.forEach((char, index) => {
    into.add(char);
    if (index + 1 < chars.length) into.add(char + chars[index + 1]);
  });
}

function wordTokens(word: string, into: Set<string>): void {
  for (let length = 2; length <= Math.min(word.length, MAX_PREFIX); length++) into.add(word.slice(0, length));
  if (/^\d+$/.test(word)) for (let start = 0; start + 4 <= word.length; start++) into.add(word.slice(start, start + 4));
}

/** The tokens stored on a lead, from the fields staff search by. */
export function leadSearchTokens(fields: {
  company: string;
  contactName: string;
  phone: string;
  wechat?: string | null;
  email?: string | null;
  notes?: string | null;
}): string[] {
  const tokens = new Set<string>();
  const text = [
    fields.company,
    fields.contactName,
    fields.phone,
    fields.wechat,
    fields.email,
    fields.notes?.slice(0, NOTE_CHARS),
  ]
    .filter(Boolean)
    .join(" ");
  const normalised = normalise(text);
  for (const [run] of normalised.matchAll(HAN)) hanTokens(run, tokens);
  for (const [word] of normalised.replace(HAN, " ").matchAll(WORD)) wordTokens(word, tokens);
  return [...tokens];
}

export interface SearchTerm {
  /** the term as typed, for the substring recheck */
  text: string;
  /** tokens every matching lead holds; empty when the term is too short to narrow by */
  tokens: string[];
}

/** A query split at spaces into terms; every term must match (in any searched field). */
export function searchTermsOf(query: string): SearchTerm[] {
  return normalise(query)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((text) => {
      const tokens = new Set<string>();
      for (const [run] of text.matchAll(HAN)) {
        const chars = Array.from(run);
        if (chars.length === 1) tokens.add(run);
        else for (let index = 0; index + 1 < chars.length; index++) tokens.add(chars[index] + chars[index + 1]);
      }
      for (const [word] of text.replace(HAN, " ").matchAll(WORD)) {
        if (/^\d+$/.test(word) && word.length > 4)
          for (let start = 0; start + 4 <= word.length; start++) tokens.add(word.slice(start, start + 4));
        else if (word.length >= 2) tokens.add(word.slice(0, MAX_PREFIX));
      }
      return { text, tokens: [...tokens] };
    });
}
