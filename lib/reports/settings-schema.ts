import { z } from "zod";

/*
 * The 项目储备库's investment threshold: open projects investing at least this many 万元 go into
 * the reserve workbook. Stored as a bare number under its Setting key; the admin's form and the
 * server validate with the same schema.
 */

export const RESERVE_THRESHOLD_KEY = "reports.reserveThreshold";
export const DEFAULT_RESERVE_THRESHOLD = 1000;
const MAX = 1_000_000_000;

/** 万元, at most 4 decimals like Lead.investment (Decimal(16, 4)). A blank field is "required", not 0. */
const threshold = z.preprocess(
  (value) => (typeof value !== "string" ? value : value.trim() === "" ? undefined : Number(value)),
  z
    .number({ error: (issue) => (issue.input === undefined ? "required" : "number") })
    .refine((value) => Number.isFinite(value), "number")
    .refine((value) => value >= 0, "tooSmall:0")
    .refine((value) => value <= MAX, `tooBig:${MAX}`)
    .refine((value) => Math.abs(value * 10_000 - Math.round(value * 10_000)) < 1e-6, "decimals:4"),
);

export const reserveThresholdSchema = z.strictObject({ threshold });
export type ReserveThresholdInput = z.input<typeof reserveThresholdSchema>;
export type ReserveThreshold = z.output<typeof reserveThresholdSchema>;

/** The stored value read back: a missing or unreadable one is the default, so an export never fails on it. */
export const storedReserveThreshold = z.number().min(0).max(MAX).catch(DEFAULT_RESERVE_THRESHOLD).default(DEFAULT_RESERVE_THRESHOLD);
