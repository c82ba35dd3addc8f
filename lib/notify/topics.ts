/*
 * What a notification says. A delivery carries one topic; the topics staff receive by email can
 * each be turned off on the user's own settings page (User.emailMuted).
 */

export const STAFF_EMAIL_TOPICS = [
  /** a new lead they own */
  "new_lead",
  /** a further inquiry on a lead they own */
  "further_inquiry",
  /** their lead's first-response deadline is about to pass */
  "response_reminder",
  /** a first-response deadline passed (the owner, and every manager) */
  "response_overdue",
  /** their follow-up tasks due today, each working morning */
  "tasks_due",
  /** managers: the daily digest */
  "digest",
  /** a lead was given to them by someone else */
  "reassigned",
  /** a hold of a unit they own expires tomorrow, or expired (the holder, and the lead's owner) */
  "holds",
  /** a milestone of a project they own is due soon, or late (the owner; late: every manager too) */
  "projects",
  /** a 督办 item given to them, answered, instructed or escalated */
  "supervision",
] as const;
export type StaffEmailTopic = (typeof STAFF_EMAIL_TOPICS)[number];

export const TOPICS = [
  ...STAFF_EMAIL_TOPICS,
  /** admins: an investor asked to withdraw consent or to be erased */
  "privacy_request",
  /** the investor's receipt of their inquiry */
  "receipt",
  /** an admin's test of a channel or of the mail server */
  "test",
] as const;
export type Topic = (typeof TOPICS)[number];

export function isStaffEmailTopic(value: string): value is StaffEmailTopic {
  return (STAFF_EMAIL_TOPICS as readonly string[]).includes(value);
}
