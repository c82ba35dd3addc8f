import { trimInvisible } from "./clean-text";

/*
 * Numbers as people type them, turned into exact decimal strings (Prisma's Decimal takes them
 * as they are) or into one message key. Shared by every schema and by the inquiry form's "as
 * understood" hint, so one input gets one answer everywhere:
 *   - full-width digits and punctuation (１２００，３．５) are read as their ASCII forms (NFKC);
 *   - thousands separators only in groups of three (1,200 and 1,200.5, never 1,2,00);
 *   - no exponents (1e5), signs or words: they are refused, not guessed;
 *   - amounts in 万元 may carry a unit that makes them unambiguous: 万/万元 (as typed), 十万, 百万,
 *     千万 and 亿 (converted). 元 alone is refused: "5元" could be a typo for 5 万元 or mean 0.0005.
 */

export type NumberResult = { ok: true; value: string; understood: boolean } | { ok: false; error: string };

export interface NumberRules {
  max: number;
  /** digits after the point the column keeps (Decimal(16, 4) → 4); 0 for integers */
  decimals: number;
  /** the least value allowed (default 0); `exclusive` makes it "greater than" (areas, signed figures) */
  min?: number;
  exclusive?: boolean;
  /** read 万元 units (amounts of money in 万元) */
  units?: boolean;
}

/** Powers of ten a unit multiplies a number of 万元 by. */
const WAN_UNITS: Record<string, number> = {
  万: 0,
  万元: 0,
  十万: 1,
  十万元: 1,
  百万: 2,
  百万元: 2,
  千万: 3,
  千万元: 3,
  亿: 4,
  亿元: 4,
};
const SHAPE = /^([0-9][0-9,]*)(?:\.([0-9]+))?\s*(\D*)$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;

/** The message for text that is not a number of this kind, which shows the form expected. */
const formatError = (rules: NumberRules) => (rules.units ? "amount" : rules.decimals === 0 ? "integer" : "number");
/** Below the least value: one message for a negative number and for a too-small one. */
const belowMin = (rules: NumberRules) =>
  rules.exclusive && (rules.min ?? 0) === 0 ? "positive" : `tooSmall:${rules.min ?? 0}`;

/** Moves the decimal point `places` to the right, exactly. */
function shift(whole: string, fraction: string, places: number): [string, string] {
  const padded = fraction.padEnd(places, "0");
  return [whole + padded.slice(0, places), padded.slice(places)];
}

function canonical(whole: string, fraction: string): string {
  const integer = whole.replace(/^0+(?=\d)/, "");
  const decimals = fraction.replace(/0+$/, "");
  return decimals ? `${integer}.${decimals}` : integer;
}

function check(whole: string, fraction: string, rules: NumberRules): NumberResult | string {
  const value = canonical(whole, fraction);
  const decimals = value.split(".")[1]?.length ?? 0;
  if (decimals > rules.decimals)
    return { ok: false, error: rules.decimals === 0 ? "integer" : `decimals:${rules.decimals}` };
  const number = Number(value);
  if (number > rules.max) return { ok: false, error: `tooBig:${rules.max}` };
  const min = rules.min ?? 0;
  if (rules.exclusive ? number <= min : number < min) return { ok: false, error: belowMin(rules) };
  return value;
}

function fromNumber(input: number, rules: NumberRules): NumberResult {
  if (!Number.isFinite(input)) return { ok: false, error: formatError(rules) };
  if (input < 0) return { ok: false, error: belowMin(rules) };
  const text = String(input);
  // Exponent form appears only beyond 1e21 or below 1e-6: too big, or too many decimals, for any column here.
  if (text.includes("e"))
    return {
      ok: false,
      error: input >= 1 ? `tooBig:${rules.max}` : rules.decimals === 0 ? "integer" : `decimals:${rules.decimals}`,
    };
  const [whole, fraction = ""] = text.split(".");
  const checked = check(whole, fraction, rules);
  return typeof checked === "string" ? { ok: true, value: checked, understood: false } : checked;
}

/**
 * Reads a number typed as text or sent as a JSON number. `understood` is true when the value
 * stored differs from the digits as typed (a unit converted, separators or full-width digits read),
 * so a form can say what it understood. Blank input is the caller's business (required or not).
 */
export function parseNumber(input: string | number, rules: NumberRules): NumberResult {
  if (typeof input === "number") return fromNumber(input, rules);
  const typed = trimInvisible(input.normalize("NFKC"));
  if (/^[-−－]\s*\d/.test(typed)) return { ok: false, error: belowMin(rules) };
  const match = SHAPE.exec(typed);
  if (!match) return { ok: false, error: formatError(rules) };
  const [, digits, fraction = "", unit] = match;
  if (digits.includes(",") && !GROUPED.test(digits)) return { ok: false, error: formatError(rules) };
  let power = 0;
  if (unit !== "") {
    if (!rules.units || !(unit in WAN_UNITS)) return { ok: false, error: formatError(rules) };
    power = WAN_UNITS[unit];
  }
  const [whole, rest] = shift(digits.replace(/,/g, ""), fraction, power);
  const checked = check(whole, rest, rules);
  if (typeof checked !== "string") return checked;
  // Full-width characters (NFKC changed the text), separators or a converting unit: say what was read.
  const understood = power > 0 || digits.includes(",") || typed !== trimInvisible(input);
  return { ok: true, value: checked, understood };
}
