import { z } from "zod";
import { isMissing, optional } from "../../forms/fields";
import { STAFF_EMAIL_TOPICS } from "../../notify/topics";

/*
 * A user's own settings: the number investors are told to expect a call from, and which
 * notifications they receive by email. Error messages are i18n keys ("validation.<key>").
 */

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * A work phone as people type it: a mainland mobile (kept as its 11 digits, like the field kit's
 * phone) or a landline with its area code ("0571-88886666", "(0571) 8888 6666", kept as 0571-88886666).
 * Full-width digits are the same digits; spaces, dashes and brackets are grouping; +86 is dropped.
 */
export const workPhone = () =>
  z.string({ error: (issue) => (isMissing(issue.input) ? "required" : "workPhone") }).transform((value, ctx) => {
    const digits = value
      .normalize("NFKC")
      .replace(/[\s\u200b-\u200d\u2060\ufeff()（）-]/g, "")
      .replace(/^(\+86|0086)/, "");
    if (MAINLAND_MOBILE.test(digits)) return digits;
    // 010 and 02x area codes have three digits, the others four (0571); local numbers start with 2–9.
    const split = /^0[12]/.test(digits) ? 3 : 4;
    const [area, number] = [digits.slice(0, split), digits.slice(split)];
    if (/^0\d+$/.test(area) && area.length === split && /^[2-9]\d{6,7}$/.test(number)) return `${area}-${number}`;
    ctx.addIssue({ code: "custom", message: "workPhone" });
    return z.NEVER;
  });

/** Topics only managers and admins are offered: the daily digest. */
export const MANAGER_TOPICS: readonly string[] = ["digest"];

export const preferencesSchema = z.strictObject({
  /** blank: none */
  workPhone: optional(workPhone()),
  /** the topics the user wants by email; every other one is stored as muted */
  emailTopics: z.array(z.enum(STAFF_EMAIL_TOPICS, "choice"), "invalid").max(STAFF_EMAIL_TOPICS.length, "invalid"),
});
export type PreferencesInput = z.input<typeof preferencesSchema>;
