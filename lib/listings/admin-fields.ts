import { z } from "zod";

/*
 * Field parsers of the staff forms (listings, parks). Each turns what an input holds (text, or a
 * number from an API caller) into what is stored, or into an i18n key under validation.*.
 */

type Parsed<T> = { value: T } | { error: string };

/** A non-negative decimal typed as text or sent as a number, kept as an exact decimal string. */
function parseDecimal(input: unknown, max: number, decimals: number): Parsed<string | null> {
  const raw = typeof input === "number" ? (Number.isFinite(input) ? String(input) : "NaN") : typeof input === "string" ? input.trim().replace(/,/g, "") : "";
  if (raw === "") return { value: null };
  if (!/^\d+(\.\d+)?$/.test(raw)) return { error: raw.startsWith("-") ? "tooSmall:0" : "number" };
  if ((raw.split(".")[1]?.length ?? 0) > decimals) return { error: decimals === 0 ? "integer" : `decimals:${decimals}` };
  if (Number(raw) > max) return { error: `tooBig:${max}` };
  return { value: raw.replace(/^0+(?=\d)/, "") };
}

const numberInput = z.union([z.string(), z.number()]).optional();

export function decimal(max: number, decimals: number, min: number) {
  return numberInput.transform((input, ctx) => {
    const parsed = parseDecimal(input, max, decimals);
    if ("error" in parsed || parsed.value === null) {
      ctx.addIssue({ code: "custom", message: "error" in parsed ? parsed.error : "required" });
      return z.NEVER;
    }
    if (Number(parsed.value) < min) {
      ctx.addIssue({ code: "custom", message: min > 0 ? `tooSmall:${min}` : "positive" });
      return z.NEVER;
    }
    return parsed.value;
  });
}

export function optionalDecimal(max: number, decimals: number) {
  return numberInput.transform((input, ctx) => {
    const parsed = parseDecimal(input, max, decimals);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.value;
  });
}

export function optionalInt(min: number, max: number) {
  return optionalDecimal(max, 0).transform((value, ctx) => {
    if (value === null) return null;
    if (Number(value) < min) {
      ctx.addIssue({ code: "custom", message: `tooSmall:${min}` });
      return z.NEVER;
    }
    return Number(value);
  });
}

export const text = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, `tooLong:${max}`);
/** Optional text stored as null when blank. */
export const optionalText = (max: number) => z.string().trim().max(max, `tooLong:${max}`).optional().transform((value) => value || null);
/** The English twin of a required Chinese text: blank is stored as "", and the Chinese shows instead. */
export const englishText = (max: number) => z.string().trim().max(max, `tooLong:${max}`).optional().transform((value) => value ?? "");

/** One item per line (the form's textarea) or a list; blank lines dropped. */
export const lines = (items: number, length: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, ctx) => {
      const list = (Array.isArray(value) ? value : (value ?? "").split(/\r?\n/)).map((line) => line.trim()).filter(Boolean);
      if (list.length > items) ctx.addIssue({ code: "custom", message: `tooMany:${items}` });
      else if (list.some((line) => line.length > length)) ctx.addIssue({ code: "custom", message: `tooLong:${length}` });
      return list;
    });

export const date = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const parsed = new Date(`${value}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
      ctx.addIssue({ code: "custom", message: "date" });
      return z.NEVER;
    }
    return parsed;
  });

export const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "choice" });
