import { z } from "zod";
import { isValidCreditCode } from "../inquiries/credit-code";

/*
 * Editing a lead's fields on the lead page: the client form (zodResolver) and lib/leads/edit.ts
 * parse with this one schema. A field left out is left as it is; a blank one is cleared.
 * `version` is the lead's version the form was loaded with: a lead changed since answers "stale".
 * The phone is the lead's identity and is not edited here.
 */

const WECHAT_ID = /^[A-Za-z0-9_-]{3,40}$/;

const blankToNull = (value: unknown) => (value === "" || (typeof value === "string" && value.trim() === "") ? null : value);
/** Absent: unchanged. Blank or null: cleared. */
const clearable = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable().optional());

const name = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, `tooLong:${max}`);
const text = (max: number) => z.string({ error: "invalid" }).trim().max(max, `tooLong:${max}`);

/**
 * A non-negative amount typed as text (commas allowed) or sent as a number, kept as an exact
 * decimal string that fits its column (amounts Decimal(16, 4), areas Decimal(12, 2)).
 */
function amount(max: number, decimals = 4) {
  return z.union([z.number(), z.string()], { error: "number" }).transform((value, ctx) => {
    const raw = typeof value === "number" ? String(value) : value.trim().replace(/,/g, "");
    if (!/^-?\d+(\.\d+)?$/.test(raw)) {
      ctx.addIssue({ code: "custom", message: "number" });
      return z.NEVER;
    }
    if (raw.startsWith("-")) {
      ctx.addIssue({ code: "custom", message: "tooSmall:0" });
      return z.NEVER;
    }
    if ((raw.split(".")[1] ?? "").length > decimals) {
      ctx.addIssue({ code: "custom", message: `decimals:${decimals}` });
      return z.NEVER;
    }
    if (Number(raw) > max) {
      ctx.addIssue({ code: "custom", message: `tooBig:${max}` });
      return z.NEVER;
    }
    return raw.replace(/^0+(?=\d)/, "");
  });
}

const count = (max: number) => z.coerce.number({ error: "integer" }).int("integer").min(0, "tooSmall:0").max(max, `tooBig:${max}`);

export const NEED_DEALS = ["BUY", "RENT"] as const;
export const NEED_KINDS = ["FACTORY", "OFFICE", "LAND"] as const;
export const AREA_UNITS = ["SQM", "MU"] as const;

export const leadEditSchema = z
  .strictObject(
    {
      leadId: z.string({ error: "required" }).trim().min(1, "required").max(40, "invalid").regex(/^[A-Za-z0-9_-]+$/, "invalid"),
      version: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid"),
      company: name(100).min(2, "tooShort:2").optional(),
      contactName: name(50).optional(),
      wechat: clearable(z.string().trim().regex(WECHAT_ID, "wechat")),
      email: clearable(z.string().trim().max(254, "tooLong:254").pipe(z.email("email"))),
      creditCode: clearable(z.string().trim().transform((value) => value.toUpperCase()).refine(isValidCreditCode, "creditCode")),
      industry: clearable(text(100)),
      needDeal: clearable(z.enum(NEED_DEALS, { error: "choice" })),
      needKind: clearable(z.enum(NEED_KINDS, { error: "choice" })),
      needArea: clearable(amount(10_000_000, 2).refine((value) => Number(value) > 0, "positive")),
      needAreaUnit: clearable(z.enum(AREA_UNITS, { error: "choice" })),
      use: clearable(text(500)),
      expectedAnnualTax: clearable(amount(10_000_000)),
      investment: clearable(amount(100_000_000)),
      annualOutput: clearable(amount(100_000_000)),
      employees: clearable(count(1_000_000)),
      notes: clearable(text(5000)),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid") },
  )
  .superRefine((value, ctx) => {
    // An area means nothing without its unit.
    if (value.needArea && value.needAreaUnit === null) ctx.addIssue({ code: "custom", path: ["needAreaUnit"], message: "choice" });
  });

export type LeadEditInput = z.input<typeof leadEditSchema>;
export type LeadEdit = z.output<typeof leadEditSchema>;

/** The fields the form edits, in the order the timeline and audit list them. */
export const EDITABLE_FIELDS = [
  "company",
  "contactName",
  "wechat",
  "email",
  "creditCode",
  "industry",
  "needDeal",
  "needKind",
  "needArea",
  "needAreaUnit",
  "use",
  "expectedAnnualTax",
  "investment",
  "annualOutput",
  "employees",
  "notes",
] as const satisfies readonly (keyof LeadEdit)[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];
