import { z } from "zod";
import { shanghaiDay } from "../../calendar/shanghai-time";
import { amount, calendarDay, optionalText, recordId, rowVersion } from "../../forms/fields";

/*
 * 到资: the contract's schedule (how much is due by when) and the payments that arrived (实际到资), both in 万元.
 * The schedule is edited as one list, so it carries the project's version as the form loaded it; a payment is
 * one entry at a time. Messages are validation.* keys.
 */

export const MAX_PLAN_ROWS = 40;
/** Decimal(16, 4) in 万元: up to 1 万亿元, more than any park's project. */
export const MAX_FUNDING_WAN = 100_000_000;

const strict = {
  error: (issue: { code: string }) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid"),
};
const wan = amount({ max: MAX_FUNDING_WAN, positive: true });

export const fundingPlanRowSchema = z.strictObject({ dueOn: calendarDay, amount: wan }, strict);

export const fundingPlanSchema = z
  .strictObject(
    {
      projectId: recordId,
      version: rowVersion,
      rows: z.array(fundingPlanRowSchema, "invalid").max(MAX_PLAN_ROWS, `tooMany:${MAX_PLAN_ROWS}`),
    },
    strict,
  )
  .superRefine(({ rows }, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      if (seen.has(row.dueOn))
        ctx.addIssue({ code: "custom", path: ["rows", index, "dueOn"], message: "duplicateDay" });
      seen.add(row.dueOn);
    });
  });
export type FundingPlanInput = z.input<typeof fundingPlanSchema>;

/** A payment is recorded once it arrived: never on a day still to come in Shanghai. */
export const fundingEntrySchema = z.strictObject(
  {
    projectId: recordId,
    paidOn: calendarDay.refine((day) => day <= shanghaiDay(new Date()), "future"),
    amount: wan,
    note: optionalText({ max: 500, multiline: true }),
  },
  strict,
);
export type FundingEntryInput = z.input<typeof fundingEntrySchema>;

export const deleteFundingSchema = z.strictObject({ fundingId: recordId }, strict);
