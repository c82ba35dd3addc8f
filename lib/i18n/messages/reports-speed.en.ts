import type { reportsSpeedZhCN } from "./reports-speed.zh-CN";

export const reportsSpeedEn: typeof reportsSpeedZhCN = {
  title: "Speed",
  unassigned: "Unassigned",
  headings: {
    response: "Time to first response",
    stages: "Time in stage",
    cycle: "Cycle time to signing",
  },
  tables: {
    response: "First response: all leads",
    responseByOwner: "First response by owner",
    stages: "Days spent in each stage",
    cycle: "Days from first inquiry to signing",
  },
  columns: {
    leads: "New leads",
    answered: "Answered",
    unanswered: "Unanswered",
    median: "Median",
    p90: "90th percentile",
    withinHour: "Answered within 1 hour",
    withinDay: "Answered within 1 working day",
    stays: "Stays",
    average: "Average",
    signed: "Signed leads",
  },
  definitions: {
    response:
      "Leads created in the range: elapsed time from the first inquiry (the lead's creation) to the first response (the owner's first call, note, visit, email or stage move). Unanswered leads count in every share as not answered and are left out of the median and 90th percentile.",
    withinDay:
      "\"Within 1 working day\" means no more than one working day of working time has passed (working days, hours, holidays and make-up days from the rules settings): an inquiry on Friday at 17:30 must be answered by Monday 17:30; one after hours or on a day off counts from the next opening, so by the opening of the second working day.",
    stages:
      "The stage history of the leads created in the range: days from entering a stage to the next stage change leaving it. Only completed stays count, not a stage a lead is still in; stays whose end is unknown because a merge interleaved two histories are left out.",
    cycle: "Leads signed in the range (by their last move into the signed stage, whenever they were created): days from the first inquiry to signing.",
  },
  charts: {
    response: "Bar chart of first-response time (hours) by owner",
    stages: "Bar chart of days spent in each stage",
    median: "Median",
    p90: "90th percentile",
    average: "Average",
  },
};
