import { z } from "zod";
import { calendarDay, creditCode, existingId, optional, optionalText, rowVersion, text } from "../../forms/fields";
import { MILESTONE_KINDS } from "../types";

/*
 * The milestone forms of a project page, shared by the form and the server. Messages are validation.* keys.
 * The plan form sends all six planned days at once (what an officer types in from the contract after the
 * signing); a day left blank clears a plan. One reason covers every milestone the submission re-plans.
 */

const strict = { error: "unknownField" } as const;

/** A planned or actual day, or blank for none. */
const dayOrBlank = z.union([z.literal(""), calendarDay], { error: "date" }).transform((value) => value || null);

export const REPLAN_REASON_MIN = 2;

export const planSchema = z.strictObject(
  {
    projectId: existingId,
    version: rowVersion,
    plans: z.partialRecord(z.enum(MILESTONE_KINDS), dayOrBlank, { error: "invalid" }),
    /** why a plan already made was moved or cleared (调整原因); required only then */
    reason: optionalText({ max: 500, min: REPLAN_REASON_MIN, multiline: true }),
  },
  strict,
);
export type PlanInput = z.input<typeof planSchema>;

export const actualSchema = z.strictObject(
  {
    projectId: existingId,
    version: rowVersion,
    kind: z.enum(MILESTONE_KINDS, { error: "choice" }),
    actualOn: calendarDay,
    note: optionalText({ max: 1000, multiline: true }),
    /** for 注册 only: the registered company's 统一社会信用代码 and its name as registered */
    creditCode: optional(creditCode()),
    companyName: optionalText({ max: 120 }),
  },
  strict,
);
export type ActualInput = z.input<typeof actualSchema>;

/** Taking back an actual recorded by mistake. */
export const clearActualSchema = z.strictObject(
  {
    projectId: existingId,
    version: rowVersion,
    kind: z.enum(MILESTONE_KINDS, { error: "choice" }),
    reason: text({ max: 500, min: REPLAN_REASON_MIN, multiline: true }),
  },
  strict,
);
export type ClearActualInput = z.input<typeof clearActualSchema>;
