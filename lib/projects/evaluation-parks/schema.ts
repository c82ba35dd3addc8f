import { z } from "zod";
import { amount, isMissing, recordId } from "../../forms/fields";

/*
 * A park's own 亩均论英雄 yardsticks (万元 a 亩 a year): 亩均税收 and 亩均产值 that its projects are classed
 * against. Blank means the park uses the workspace's (the delivery settings). Messages are validation.* keys.
 */

const strict = {
  error: (issue: { code: string }) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid"),
};
/** Park.benchmark…PerMu is Decimal(12, 2); a yardstick of 0 would class nobody, so it must be above 0. */
const yardstick = z.preprocess(
  (value) => (value === undefined || isMissing(value) ? null : value),
  amount({ max: 100_000, decimals: 2, positive: true }).nullable(),
);

export const parkYardsticksSchema = z.strictObject(
  { parkId: recordId, taxPerMu: yardstick, outputPerMu: yardstick },
  strict,
);
export type ParkYardsticksInput = z.input<typeof parkYardsticksSchema>;
