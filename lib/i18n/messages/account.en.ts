import type { Messages } from "../messages";

export const accountEn: Messages["account"] = {
  title: "My settings",
  who: "{name} ({email}) · {role}",
  forbidden: "You may not change these settings",
  saved: "Saved",
  unchanged: "Nothing changed",
  workPhone: "Work phone",
  workPhoneHint:
    "The number investors see on their receipt and status page: a mobile, or a landline with its area code such as " +
    "0571-88886666. Leave blank to show none.",
  email: "Email notifications",
  emailHint: "Choose which notifications you receive by email. Group robot messages are not affected.",
  topics: {
    new_lead: "New leads given to me",
    further_inquiry: "Further inquiries on my leads",
    response_reminder: "My leads' first response due soon",
    response_overdue: "First response overdue (my leads; managers: every lead)",
    tasks_due: "My tasks due today, each working morning",
    digest: "Daily digest (new leads, overdue, signings)",
    reassigned: "Leads someone gave to me",
    holds: "Units I hold: expiring tomorrow or released on expiry",
    projects: "Milestones of my projects due soon or late (managers: every project's late ones)",
    supervision: "Supervision items given to me, answers to those I opened, instructions and escalations",
  },
  save: "Save",
};
