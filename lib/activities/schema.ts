import { z } from "zod";
import { isMissing, recordId, text } from "../forms/fields";
import { parseShanghaiLocal } from "../calendar/shanghai-time";

/*
 * Logging what staff did on a lead (a note, a call, a site visit, an email). Shared by the lead
 * page's form (zodResolver) and lib/activities/mutations.ts. Messages are validation.* keys.
 */

export const LOGGED_KINDS = ["NOTE", "CALL", "VISIT", "EMAIL"] as const;
export type LoggedKind = (typeof LOGGED_KINDS)[number];

export const CALL_OUTCOMES = ["reached", "noAnswer", "busy", "wrongNumber", "callBack"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Clocks of a phone and the server differ a little; "now" typed on the phone must still pass. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A moment typed in a datetime-local input (Asia/Shanghai); blank means "now". */
const occurredAt = z
  .string({ error: "dateTime" })
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || isMissing(value)) return undefined;
    const date = parseShanghaiLocal(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "dateTime" });
      return z.NEVER;
    }
    if (date.getTime() > Date.now() + CLOCK_SKEW_MS) {
      ctx.addIssue({ code: "custom", message: "future" });
      return z.NEVER;
    }
    return date;
  });

export const logActivitySchema = z
  .strictObject(
    {
      leadId: recordId,
      kind: z.enum(LOGGED_KINDS, { error: "choice" }),
      /** only for calls: whether the investor was reached */
      outcome: z.preprocess(
        (value) => (value === "" || value === null ? undefined : value),
        z.enum(CALL_OUTCOMES, { error: "choice" }).optional(),
      ),
      body: text({ max: 5000, multiline: true }),
      occurredAt,
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid") },
  )
  .superRefine((value, ctx) => {
    if (value.kind === "CALL" && !value.outcome) ctx.addIssue({ code: "custom", path: ["outcome"], message: "choice" });
  })
  .transform(({ outcome, ...value }) => ({ ...value, outcome: value.kind === "CALL" ? outcome : undefined }));

export type LogActivityInput = z.input<typeof logActivitySchema>;
export type LogActivity = z.output<typeof logActivitySchema>;
