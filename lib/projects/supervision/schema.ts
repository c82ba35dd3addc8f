import { z } from "zod";
import { calendarDay, optional, optionalText, queryText, recordId, rowVersion, text } from "../../forms/fields";
import { SUPERVISION_STATUSES } from "../types";

/*
 * 督办: one schema per form, shared by the project page's forms and the server. Messages are validation.* keys.
 * Whether the due day is today or later is judged by the server's clock (mutations.ts), not the browser's.
 */

const strict = {
  error: (issue: { code: string }) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid"),
};

export const TITLE_MAX = 500;
export const BODY_MAX = 2000;

/** What must happen, who does it (the project's owner when left empty), by which day. */
export const openSupervisionSchema = z.strictObject(
  {
    projectId: recordId,
    title: text({ max: TITLE_MAX, multiline: true }),
    assigneeId: optional(recordId),
    dueOn: calendarDay,
  },
  strict,
);
export type OpenSupervisionInput = z.input<typeof openSupervisionSchema>;

/** An answer, a 批示 or a send-back: the words are required; the version is the item's as the form loaded it. */
export const supervisionEntrySchema = z.strictObject(
  {
    supervisionId: recordId,
    version: rowVersion,
    body: text({ max: BODY_MAX, multiline: true }),
  },
  strict,
);
export type SupervisionEntryInput = z.input<typeof supervisionEntrySchema>;

/** Closing (办结) may say why, or not. */
export const closeSupervisionSchema = z.strictObject(
  {
    supervisionId: recordId,
    version: rowVersion,
    body: optionalText({ max: BODY_MAX, multiline: true }),
  },
  strict,
);
export type CloseSupervisionInput = z.input<typeof closeSupervisionSchema>;

/** The 督办台账's status filter: the unfinished ones (OPEN or ANSWERED) by default, one status, or all. */
export const SUPERVISION_LIST_STATUSES = ["unfinished", ...SUPERVISION_STATUSES, "all"] as const;
export type SupervisionListStatus = (typeof SUPERVISION_LIST_STATUSES)[number];

const flag = z
  .union([z.boolean(), z.enum(["1", "0", "true", "false", ""])], "invalid")
  .transform((value) => value === true || value === "1" || value === "true");

/** The 督办台账's filter, from the page's address. */
export const supervisionFilterSchema = z.object({
  status: optional(z.enum(SUPERVISION_LIST_STATUSES, "choice")).transform((value) => value ?? "unfinished"),
  /** past its due day and not closed */
  overdue: optional(flag).transform(Boolean),
  /** assigned to the viewer */
  mine: optional(flag).transform(Boolean),
  /** items of terminated (解约) projects too; hidden by default */
  terminated: optional(flag).transform(Boolean),
  /** company or project name, or the item's title */
  q: optional(queryText(60)),
  page: optional(z.coerce.number("integer").int("integer").min(1, "tooSmall:1").max(10_000, "tooBig:10000")).transform(
    (value) => value ?? 1,
  ),
});
export type SupervisionFilter = z.output<typeof supervisionFilterSchema>;
