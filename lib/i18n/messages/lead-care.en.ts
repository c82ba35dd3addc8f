import type { leadCareZhCN } from "./lead-care.zh-CN";

export const leadCareEn: typeof leadCareZhCN = {
  title: "Duplicates",
  listSeparator: ", ",
  duplicates: {
    heading: "Possible duplicates",
    none: "No possible duplicates found.",
    reasons: { phone: "Same phone", company: "Same company" },
    unassigned: "Pool",
    archived: "Archived",
    received: "Received {date}",
    history: "{inquiries} inquiries · {activities} activities · {tasks} tasks",
    allGroups: "All possible duplicates",
  },
  merge: {
    open: "Merge into this lead",
    title: "Merge “{company}” into this lead",
    moves:
      "Moving to this lead: {inquiries} inquiries, {activities} activities, {tasks} follow-up tasks, " +
      "{stageChanges} stage records — nothing is lost.",
    fills: "Empty fields of this lead take the other lead's values: {fields}.",
    fillsNone: "This lead has no empty fields to fill.",
    keeps: "This lead keeps its phone, company name and owner (a Pool lead takes the other's owner).",
    stage: {
      advanced: "Stage: both leads are open, so this lead moves up to the further stage, “{stage}”.",
      kept: "Stage: both leads are open; this lead keeps its stage, “{stage}”.",
      closed: "Stage: one of the leads is signed or lost, so this lead keeps its stage, “{stage}”.",
    },
    tombstone:
      "The merged lead is archived and kept as it is, pointing to this lead; new inquiries from its phone come to " +
      "this lead. A merge cannot be undone.",
    confirm: "Merge",
    cancel: "Cancel",
    merging: "Merging…",
    done:
      "Merged “{company}”: {inquiries} inquiries, {activities} activities, {tasks} tasks and {stageChanges} stage " +
      "records moved to this lead.",
  },
  fields: {
    wechat: "WeChat",
    email: "Email",
    creditCode: "Credit code",
    industry: "Industry",
    needDeal: "Buy or rent",
    needKind: "Kind of space",
    needArea: "Area wanted",
    use: "Use",
    expectedAnnualTax: "Expected annual tax",
    investment: "Investment",
    annualOutput: "Annual output",
    employees: "Employees",
    listingId: "Listing",
    parkId: "Park",
    ownerId: "Owner",
    notes: "Notes (appended)",
  },
  care: {
    heading: "Lead care",
    archive: "Archive",
    restore: "Restore",
    archivedOn: "Archived on {date}; hidden from the inbox and the board.",
    archivedDone: "Archived",
    restoredDone: "Restored",
    forbidden: "You are not allowed to do this",
    erasedOn: "This lead's personal data was erased on {date} under PIPL; its statistics are kept.",
  },
  erase: {
    open: "Erase personal data (PIPL)",
    title: "Erase this lead's personal data",
    explain:
      "Permanently erases the contact's name, phone, WeChat, email, credit code, notes, inquiry messages, " +
      "activity texts and task titles. Company, need, amounts, stage, owner and dates stay, so statistics are " +
      "unaffected. The erasure and its reason are written to the audit log. This cannot be undone.",
    confirm: "Type the company name “{company}” to confirm",
    reason: "Reason",
    reasonHint: "e.g. customer asked by phone on 2026-11-20",
    submit: "Erase personal data",
    cancel: "Cancel",
    erasing: "Erasing…",
    done: "Personal data erased",
  },
  groups: {
    title: "Possible duplicates",
    intro:
      "Open leads whose company names are the same once normalised (full/half width, case, spaces, 有限责任公司 vs " +
      "有限公司). Open a lead to see why and merge; duplicates by phone show on the lead page.",
    company: "Company",
    count: "Leads",
    leads: "Leads",
    unassigned: "Pool",
    archived: "Archived",
    more: "{count} more",
    none: "No leads share a company name.",
    next: "Next page",
    first: "First page",
    invalidCursor: "The page link was invalid; showing the first page.",
  },
};
