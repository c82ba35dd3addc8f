import { z } from "zod";
import {
  amount,
  clearable,
  creditCode,
  decimal,
  email,
  INT4_MAX,
  integer,
  recordId,
  text,
  wechatId,
} from "../../forms/fields";

/*
 * Editing a lead's fields on the lead page: the client form (zodResolver) and lib/leads/edit/mutations.ts
 * parse with this one schema. A field left out is left as it is; a blank one is cleared.
 * `version` is the lead's version the form was loaded with: a lead changed since answers "stale".
 * The phone is the lead's identity and is not edited here.
 */

export const NEED_DEALS = ["BUY", "RENT"] as const;
export const NEED_KINDS = ["FACTORY", "OFFICE", "LAND"] as const;
export const AREA_UNITS = ["SQM", "MU"] as const;

export const leadEditSchema = z
  .strictObject(
    {
      leadId: recordId,
      version: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(INT4_MAX, "stale"),
      company: text({ max: 100, min: 2 }).optional(),
      contactName: text({ max: 50 }).optional(),
      wechat: clearable(wechatId()),
      email: clearable(email()),
      creditCode: clearable(creditCode()),
      industry: clearable(text({ max: 100 })),
      needDeal: clearable(z.enum(NEED_DEALS, { error: "choice" })),
      needKind: clearable(z.enum(NEED_KINDS, { error: "choice" })),
      /** Decimal(12, 2) */
      needArea: clearable(decimal({ max: 10_000_000, decimals: 2, exclusive: true })),
      needAreaUnit: clearable(z.enum(AREA_UNITS, { error: "choice" })),
      use: clearable(text({ max: 500 })),
      /** 万元, Decimal(16, 4): the same reading of "300万" or "3.5亿" as the inquiry form */
      expectedAnnualTax: clearable(amount({ max: 10_000_000 })),
      investment: clearable(amount({ max: 100_000_000 })),
      annualOutput: clearable(amount({ max: 100_000_000 })),
      employees: clearable(integer({ max: 1_000_000 })),
      notes: clearable(text({ max: 5000, multiline: true })),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid") },
  )
  .superRefine((value, ctx) => {
    // An area means nothing without its unit.
    if (value.needArea && value.needAreaUnit === null)
      ctx.addIssue({ code: "custom", path: ["needAreaUnit"], message: "choice" });
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
