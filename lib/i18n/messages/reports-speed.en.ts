import type { reportsSpeedZhCN } from "./reports-speed.zh-CN";

export const reportsSpeedEn: typeof reportsSpeedZhCN = {
  title: "Speed",
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
      "Leads created in the range: elapsed time from the first inquiry (the lead's creation) to the first " +
      "response (the owner's first call, note, visit, email or stage move), in whole minutes rounded up. " +
      "Unanswered leads count in every share as not answered and are left out of the median and 90th percentile.",
    withinDay:
      '"Within 1 working day" means no more than one working day of working time has passed (the working days, ' +
      "hours, holidays and make-up days of the rules settings in force when the lead arrived): an inquiry on Friday " +
      "at 17:30 must be answered by Monday 17:30; one after hours or on a day off counts from the next opening, so " +
      "by the opening of the second working day.",
    stages:
      "The stage history of the leads created in the range: days from entering a stage to the next stage change " +
      "leaving it. Only completed stays count, not a stage a lead is still in; a merge adds the merged lead's " +
      "completed stays to the lead kept. Averages are over exact time, medians over whole minutes rounded up.",
    cycle:
      "Leads now signed whose signing (their latest move into a signed stage from one that is not) falls in the " +
      "range, whenever they were created: days from the first inquiry to signing.",
  },
  charts: {
    response: "Bar chart of first-response time by owner, in {unit}",
    stages: "Bar chart of time spent in each stage, in {unit}",
    median: "Median",
    p90: "90th percentile",
    average: "Average",
  },
};
