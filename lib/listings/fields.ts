import { z } from "zod";
import { cleanText, lengthOf } from "../forms/clean-text";
import {
  decimal as kitDecimal,
  isCalendarDay,
  isMissing,
  optionalText as kitOptionalText,
  text as kitText,
} from "../forms/fields";
import { parseNumber } from "../forms/numbers";

/*
 * Field parsers of the staff forms (listings, parks), in the shapes these forms store (null or ""
 * for blank), built on the one field kit (lib/forms/fields) so they answer as every other form.
 */

const numberInput = z.union([z.string(), z.number()], "number").optional();

/** A decimal of at least `min` (areas, prices: Decimal(12, 2) and (14, 2)), read by the field kit. */
export function decimal(max: number, decimals: number, min: number) {
  return kitDecimal({ max, decimals, min });
}

/** The same, optional: blank is stored as null; `positive` refuses 0 (a part of an area). */
export function optionalDecimal(max: number, decimals: number, { positive = false } = {}) {
  return numberInput.transform((input, ctx) => {
    if (input === undefined || isMissing(input)) return null;
    const parsed = parseNumber(input, { max, decimals, ...(positive ? { min: 0, exclusive: true } : {}) });
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  });
}

/** A whole number within int4 (floor load, kVA, storeys), blank stored as null. */
export function optionalInt(min: number, max: number) {
  return numberInput.transform((input, ctx) => {
    if (input === undefined || isMissing(input)) return null;
    const parsed = parseNumber(input, { max, decimals: 0, min });
    if (parsed.ok) return Number(parsed.value);
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  });
}

export const text = (max: number) => kitText({ max, multiline: max > 1000 });
/** Optional text stored as null when blank. */
export const optionalText = (max: number) => kitOptionalText({ max }).transform((value) => value ?? null);
/** The English twin of a required Chinese text: blank is stored as "", and the Chinese shows instead. */
export const englishText = (max: number) =>
  kitOptionalText({ max, multiline: max > 1000 }).transform((value) => value ?? "");

/** One item per line (the form's textarea) or a list; blank lines dropped. */
export const lines = (items: number, length: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, ctx) => {
      const cleaned = (Array.isArray(value) ? value : (value ?? "").split(/\r?\n/)).map((line) => cleanText(line));
      const list = cleaned.flatMap((line) => (line.ok && line.value ? [line.value] : []));
      if (cleaned.some((line) => !line.ok)) ctx.addIssue({ code: "custom", message: "characters" });
      else if (list.length > items) ctx.addIssue({ code: "custom", message: `tooMany:${items}` });
      else if (list.some((line) => lengthOf(line) > length))
        ctx.addIssue({ code: "custom", message: `tooLong:${length}` });
      return list;
    });

export const date = z
  .string("date")
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    if (!isCalendarDay(value)) {
      ctx.addIssue({ code: "custom", message: "date" });
      return z.NEVER;
    }
    return new Date(`${value}T00:00:00Z`);
  });

export const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "choice" });
