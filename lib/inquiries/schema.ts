import { z } from "zod";
import {
  amount,
  creditCode,
  decimal,
  email,
  integer,
  isMissing,
  optional,
  optionalText,
  phone,
  text,
  wechatId,
} from "../forms/fields";
import { areaUnits, needDeals, needKinds, timelines } from "./need-choices";

/*
 * The one inquiry schema: the public form validates with it in the browser (react-hook-form), the
 * server action and POST /api/inquiries validate with it again. Error messages are i18n keys
 * ("validation.<key>" in lib/i18n/messages), optionally with a number after a colon
 * ("tooLong:100"), so each side renders them in its own language.
 */

const requiredError = (key: string) => (issue: { input: unknown }) => (isMissing(issue.input) ? "required" : key);

export { areaUnits, needDeals, needKinds, timelines };

export const needSchema = z.strictObject(
  {
    deal: z.enum(needDeals, { error: requiredError("choice") }),
    kind: z.enum(needKinds, { error: requiredError("choice") }),
    /** Decimal(12, 2), in the unit beside it */
    area: decimal({ max: 10_000_000, decimals: 2, exclusive: true }),
    areaUnit: z.enum(areaUnits, { error: requiredError("choice") }),
    timeline: optional(z.enum(timelines, { error: "choice" })),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "required") },
);

export const inquirySchema = z.strictObject(
  {
    listingId: optional(
      z
        .string("invalid")
        .max(40, "invalid")
        .regex(/^[a-z0-9-]+$/, "invalid"),
    ),
    need: needSchema,
    use: text({ min: 2, max: 500 }),
    expectedAnnualTax: amount({ max: 10_000_000 }),
    company: text({ min: 2, max: 100 }),
    contactName: text({ max: 50 }),
    phone: phone(),
    consent: z.literal(true, { error: "consent" }),
    wechat: optional(wechatId()),
    email: optional(email()),
    investment: optional(amount({ max: 100_000_000 })),
    annualOutput: optional(amount({ max: 100_000_000 })),
    employees: optional(integer({ max: 1_000_000 })),
    powerKva: optional(integer({ max: 1_000_000 })),
    creditCode: optional(creditCode()),
    message: optionalText({ max: 2000, multiline: true }),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid") },
);

/** What a person or a partner system sends. */
export type InquiryInput = z.input<typeof inquirySchema>;
/** What the server stores: cleaned, trimmed, normalised, amounts as exact decimal strings in 万元. */
export type Inquiry = z.output<typeof inquirySchema>;
