import { z } from "zod";
import { cleanText, isBlank, lengthOf } from "./clean-text";
import { isValidCreditCode } from "./credit-code";
import { parseNumber, type NumberRules } from "./numbers";

/*
 * The one field kit: every schema that takes text or numbers from a client builds its fields
 * here, so the same input gets the same message key (validation.* in lib/i18n/messages) in the
 * public form, the JSON API and every CRM form, and nothing reaches the database that it would
 * refuse. It imports nothing server-side: client forms validate with the same schemas.
 */

/** Absent, null, or nothing a reader would see: "required" when a value must be given. */
export const isMissing = (input: unknown) =>
  input === undefined || input === null || (typeof input === "string" && isBlank(input));

/** For optional fields: null and blank text count as not given. */
export const blankToUndefined = (value: unknown) => (isMissing(value) ? undefined : value);
/** For fields an edit clears: blank text is null (clear), absence stays absence (leave as is). */
export const blankToNull = (value: unknown) => (typeof value === "string" && isBlank(value) ? null : value);

export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
/** Absent: unchanged. Blank or null: cleared. */
export const clearable = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable().optional());

interface TextRules {
  max: number;
  /** at least this many characters once trimmed (blank is always "required") */
  min?: number;
  /** keeps tabs and line breaks (notes, descriptions); one-line fields refuse them */
  multiline?: boolean;
}

/**
 * Text a person typed: refused when it holds what cannot be stored, trimmed of invisible edges,
 * blank = "required". Its issues let the object's own refinements still run (as zod's .min() does),
 * so a form shows every error at once; the refused value is never the parse's output.
 */
export function text({ max, min = 1, multiline = false }: TextRules) {
  return z.string({ error: (issue) => (isMissing(issue.input) ? "required" : "invalid") }).transform((value, ctx) => {
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message, continue: true });
      return value;
    };
    const cleaned = cleanText(value, { multiline });
    if (!cleaned.ok) return fail(cleaned.error);
    const length = lengthOf(cleaned.value);
    if (length === 0) return fail("required");
    if (length < min) return fail(`tooShort:${min}`);
    if (length > max) return fail(`tooLong:${max}`);
    return cleaned.value;
  });
}

/** Optional text: blank is undefined (callers store null or "" as their column wants). */
export const optionalText = (rules: TextRules) => optional(text(rules));

/**
 * Text that only has to be storable, for search boxes and URL parameters: refused characters make
 * it invalid, blank stays blank (the caller drops it), length is capped.
 */
export const queryText = (max: number) =>
  z.string("invalid").transform((value, ctx) => {
    const cleaned = cleanText(value);
    if (!cleaned.ok) ctx.addIssue({ code: "custom", message: cleaned.error });
    else if (lengthOf(cleaned.value) > max) ctx.addIssue({ code: "custom", message: `tooLong:${max}` });
    return cleaned.ok ? cleaned.value : z.NEVER;
  });

/** A row id from a form or URL (cuid, or a seed's readable id). */
export const recordId = z
  .string({ error: (issue) => (isMissing(issue.input) ? "required" : "invalid") })
  .trim()
  .min(1, "required")
  .max(40, "invalid")
  .regex(/^[A-Za-z0-9_-]+$/, "invalid");

/** The largest int4: a number beyond it is refused here, before PostgreSQL would be asked to compare with it. */
export const INT4_MAX = 2_147_483_647;

/** The version of a row as the form loaded it (posted as text or a number); one beyond any row's is stale. */
export const rowVersion = z.coerce
  .number({ error: "integer" })
  .int("integer")
  .min(1, "tooSmall:1")
  .max(INT4_MAX, "stale");

/** The years a day in this app can be: what PostgreSQL, Date and the calendar helpers all read alike. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** Whether `value` is a real calendar day (YYYY-MM-DD) in those years: 2026-02-30 is refused, not rolled over. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar day from a form or URL; message "date". */
export const calendarDay = z.string("date").trim().refine(isCalendarDay, "date");

/** An id naming a row the caller expects to exist: a malformed one (NUL, 400 characters…) is simply not found. */
export const existingId = z.string("notFound").regex(/^[A-Za-z0-9_-]{1,40}$/, "notFound");

function numberField(rules: NumberRules) {
  const formatError = rules.units ? "amount" : rules.decimals === 0 ? "integer" : "number";
  return z
    .union([z.string(), z.number()], { error: (issue) => (isMissing(issue.input) ? "required" : formatError) })
    .transform((value, ctx) => {
      const parsed =
        typeof value === "string" && isBlank(value)
          ? ({ ok: false, error: "required" } as const)
          : parseNumber(value, rules);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    });
}

/**
 * An amount of money in 万元: "300", "1,200", "１２００", "300万", "3.5亿" (= 35000), or a JSON
 * number; kept as an exact decimal string. Decimal(16, 4) columns keep 4 decimals.
 */
export const amount = ({
  max,
  decimals = 4,
  positive = false,
}: {
  max: number;
  decimals?: number;
  positive?: boolean;
}) => numberField({ max, decimals, units: true, exclusive: positive });

/** A plain decimal (areas, prices, heights): separators and full-width digits, no units; an exact string. */
export const decimal = ({
  max,
  decimals,
  min = 0,
  exclusive = false,
}: {
  max: number;
  decimals: number;
  min?: number;
  exclusive?: boolean;
}) => numberField({ max, decimals, min, exclusive });

/** A whole number (people, kVA, storeys); int4 columns, so `max` stays below 2^31. */
export const integer = ({ max, min = 0 }: { max: number; min?: number }) =>
  numberField({ max, decimals: 0, min }).transform(Number);

/** A mainland mobile number: 11 digits from 13… to 19…. */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * A mainland mobile number as people type it: full-width digits (１３８…) are the same number,
 * spaces of any width and dashes are grouping, and a +86/0086/86 prefix is dropped; kept as the
 * 11 digits. Blank is "required", anything else "phone".
 */
export const phone = () =>
  z
    .string({ error: (issue) => (isMissing(issue.input) ? "required" : "phone") })
    .transform((value) =>
      value
        .normalize("NFKC")
        .replace(/[\s\u200b-\u200d\u2060\ufeff-]/g, "")
        .replace(/^(\+86|0086|86(?=1\d{10}$))/, ""),
    )
    .refine((value) => value !== "", "required")
    .refine((value) => value === "" || MAINLAND_MOBILE.test(value), "phone");

/**
 * A work phone as people type it: a mainland mobile (kept as its 11 digits, like the field kit's
 * phone) or a landline with its area code ("0571-88886666", "(0571) 8888 6666", kept as 0571-88886666).
 * Full-width digits are the same digits; spaces, dashes and brackets are grouping; +86 is dropped.
 */
export const workPhone = () =>
  z.string({ error: (issue) => (isMissing(issue.input) ? "required" : "workPhone") }).transform((value, ctx) => {
    const digits = value
      .normalize("NFKC")
      .replace(/[\s\u200b-\u200d\u2060\ufeff()（）-]/g, "")
      .replace(/^(\+86|0086)/, "");
    if (MAINLAND_MOBILE.test(digits)) return digits;
    // 010 and 02x area codes have three digits, the others four (0571); local numbers start with 2–9.
    const split = /^0[12]/.test(digits) ? 3 : 4;
    const [area, number] = [digits.slice(0, split), digits.slice(split)];
    if (/^0\d+$/.test(area) && area.length === split && /^[2-9]\d{6,7}$/.test(number)) return `${area}-${number}`;
    ctx.addIssue({ code: "custom", message: "workPhone" });
    return z.NEVER;
  });

/** A WeChat ID: 3 to 40 Latin letters, digits, "_" or "-" (what WeChat itself allows, and no more). */
export const wechatId = () =>
  z
    .string("wechat")
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,40}$/, "wechat");

/** An email address, at most 254 characters (what SMTP carries). */
export const email = () => z.string("email").trim().max(254, "tooLong:254").pipe(z.email("email"));

/** A unified social credit code (统一社会信用代码): full-width and lower case read as the same code, check digit verified. */
export const creditCode = () =>
  z
    .string("creditCode")
    .normalize("NFKC")
    .trim()
    .transform((value) => value.toUpperCase())
    .refine(isValidCreditCode, "creditCode");
