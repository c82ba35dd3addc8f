import { z } from "zod";
import { amount, FIRST_YEAR, integer, LAST_YEAR, optional, recordId } from "../../forms/fields";

/*
 * A project's actuals for one year: output (产值) and tax (税收) in 万元, jobs at the year's end. Saved per
 * year (the years from the signing's to the current one, which the server checks against the project); a
 * blank figure is not known yet, and a year left wholly blank is removed. Messages are validation.* keys.
 */

const strict = {
  error: (issue: { code: string }) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid"),
};
/** Decimal(16, 4) in 万元. */
const wan = optional(amount({ max: 100_000_000 }));

export const projectYearSchema = z.strictObject(
  {
    projectId: recordId,
    year: z.coerce
      .number({ error: "integer" })
      .int("integer")
      .min(FIRST_YEAR, `tooSmall:${FIRST_YEAR}`)
      .max(LAST_YEAR, `tooBig:${LAST_YEAR}`),
    output: wan,
    tax: wan,
    jobs: optional(integer({ max: 1_000_000 })),
  },
  strict,
);
export type ProjectYearInput = z.input<typeof projectYearSchema>;
