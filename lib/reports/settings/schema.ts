import { z } from "zod";
import { amount } from "../../forms/fields";

/*
 * The 项目储备库's investment threshold: open projects investing at least this many 万元 go into
 * the reserve workbook. Stored as a bare number under its Setting key; the admin's form and the
 * server validate with the same schema.
 */

export const RESERVE_THRESHOLD_KEY = "reports.reserveThreshold";
export const DEFAULT_RESERVE_THRESHOLD = 1000;
const MAX = 1_000_000_000;

/**
 * 万元, at most 4 decimals like Lead.investment (Decimal(16, 4)), read as every amount is ("1000万",
 * "1,000", "0.1亿"); a blank field is "required", not 0.
 */
const threshold = amount({ max: MAX }).transform(Number);

export const reserveThresholdSchema = z.strictObject({ threshold });
export type ReserveThresholdInput = z.input<typeof reserveThresholdSchema>;
export type ReserveThreshold = z.output<typeof reserveThresholdSchema>;

/** The stored value read back: a missing or unreadable one is the default, so an export never fails on it. */
export const storedReserveThreshold = z
  .number()
  .min(0)
  .max(MAX)
  .catch(DEFAULT_RESERVE_THRESHOLD)
  .default(DEFAULT_RESERVE_THRESHOLD);
