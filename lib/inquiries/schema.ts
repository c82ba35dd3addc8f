import { z } from "zod";
import { isValidCreditCode } from "./credit-code";

/*
 * The one inquiry schema: the public form validates with it in the browser (react-hook-form), the
 * server action and POST /api/inquiries validate with it again. Error messages are i18n keys
 * ("validation.<key>" in lib/i18n/messages), optionally with a number after a colon
 * ("tooLong:100"), so each side renders them in its own language.
 */

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const WECHAT_ID = /^[A-Za-z0-9_-]{3,40}$/;
/** Up to 12 integer digits and 4 decimals: exact in the database's Decimal(16, 4). */
const DECIMAL = /^\d{1,12}(\.\d{1,4})?$/;

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const requiredError = (key: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null || issue.input === "" ? "required" : key;

function text(min: number, max: number) {
  return z
    .string({ error: requiredError("invalid") })
    .trim()
    .min(1, { message: "required", abort: true })
    .min(min, `tooShort:${min}`)
    .max(max, `tooLong:${max}`);
}

/** A non-negative amount typed as text or sent as a JSON number, kept as an exact decimal string. */
function amount(max: number) {
  return z
    .union([z.number(), z.string()], { error: requiredError("number") })
    .transform((value, ctx) => {
      const raw = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "NaN") : value.trim().replace(/,/g, "");
      if (raw === "") {
        ctx.addIssue({ code: "custom", message: "required" });
        return z.NEVER;
      }
      if (!/^\d+(\.\d+)?$/.test(raw)) {
        ctx.addIssue({ code: "custom", message: raw.startsWith("-") ? "tooSmall:0" : "number" });
        return z.NEVER;
      }
      if (!DECIMAL.test(raw)) {
        ctx.addIssue({ code: "custom", message: raw.includes(".") && raw.split(".")[1].length > 4 ? "decimals:4" : `tooBig:${max}` });
        return z.NEVER;
      }
      if (Number(raw) > max) {
        ctx.addIssue({ code: "custom", message: `tooBig:${max}` });
        return z.NEVER;
      }
      return raw.replace(/^0+(?=\d)/, "");
    });
}

function positiveAmount(max: number) {
  return amount(max).refine((value) => Number(value) > 0, "positive");
}

function count(max: number) {
  return z.coerce
    .number({ error: "integer" })
    .int("integer")
    .min(0, "tooSmall:0")
    .max(max, `tooBig:${max}`);
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const phoneSchema = z
  .string({ error: requiredError("phone") })
  .transform((value) => value.replace(/[\s-]/g, "").replace(/^(\+86|0086|86(?=1\d{10}$))/, ""))
  .refine((value) => value !== "", "required")
  .refine((value) => value === "" || MAINLAND_MOBILE.test(value), "phone");

export const needDeals = ["buy", "rent"] as const;
export const needKinds = ["factory", "office", "land"] as const;
export const areaUnits = ["sqm", "mu"] as const;
export const timelines = ["now", "3m", "6m", "12m", "later"] as const;

export const needSchema = z.strictObject(
  {
    deal: z.enum(needDeals, { error: requiredError("choice") }),
    kind: z.enum(needKinds, { error: requiredError("choice") }),
    area: positiveAmount(10_000_000),
    areaUnit: z.enum(areaUnits, { error: requiredError("choice") }),
    timeline: optional(z.enum(timelines, { error: "choice" })),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "required") },
);

export const inquirySchema = z.strictObject(
  {
    listingId: optional(z.string().max(40, "invalid").regex(/^[a-z0-9-]+$/, "invalid")),
    need: needSchema,
    use: text(2, 500),
    expectedAnnualTax: amount(10_000_000),
    company: text(2, 100),
    contactName: text(1, 50),
    phone: phoneSchema,
    consent: z.literal(true, { error: "consent" }),
    wechat: optional(z.string().trim().regex(WECHAT_ID, "wechat")),
    email: optional(z.string().trim().max(254, "tooLong:254").pipe(z.email("email"))),
    investment: optional(amount(100_000_000)),
    annualOutput: optional(amount(100_000_000)),
    employees: optional(count(1_000_000)),
    powerKva: optional(count(1_000_000)),
    creditCode: optional(
      z
        .string()
        .trim()
        .transform((value) => value.toUpperCase())
        .refine(isValidCreditCode, "creditCode"),
    ),
    message: optional(z.string().trim().max(2000, "tooLong:2000")),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid") },
);

/** What a person or a partner system sends. */
export type InquiryInput = z.input<typeof inquirySchema>;
/** What the server stores: trimmed, normalised, amounts as exact decimal strings. */
export type Inquiry = z.output<typeof inquirySchema>;

