import { z } from "zod";
import { optional, recordId, text } from "../forms/fields";
import { parseShanghaiLocal } from "../calendar/shanghai-time";

/*
 * Follow-up tasks on a lead. The due date comes from a datetime-local input and is read as
 * Asia/Shanghai time, so "tomorrow 10:00" means 10:00 in the park whatever the server's zone.
 */

const id = recordId;

const dueAt = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .transform((value, ctx) => {
    const date = parseShanghaiLocal(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "dateTime" });
      return z.NEVER;
    }
    return date;
  });

const strict = {
  error: (issue: { code?: string }) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid"),
};

export const newTaskSchema = z.strictObject(
  {
    leadId: id,
    title: text({ max: 200 }),
    dueAt,
    /** blank: the lead's owner, or whoever schedules it on a pool lead */
    assigneeId: optional(id),
  },
  strict,
);
export type NewTaskInput = z.input<typeof newTaskSchema>;
export type NewTask = z.output<typeof newTaskSchema>;

/** Completing (done: true) or reopening (done: false) a task. */
export const taskDoneSchema = z.strictObject({ taskId: id, done: z.boolean({ error: "invalid" }) }, strict);
