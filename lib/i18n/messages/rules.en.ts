import type { rulesZhCN } from "./rules.zh-CN";

export const rulesEn: typeof rulesZhCN = {
  title: "Assignment and scoring rules",
  nav: {
    label: "Settings",
    users: "Users",
    rules: "Assignment and scoring",
    pipeline: "Stages and lost reasons",
    notifications: "Notifications",
    apiKeys: "API keys",
  },
  save: "Save",
  saved: "Saved",
  unchanged: "Nothing changed",
  rescored: "Saved; every lead was scored again with the new rules ({count} scores changed)",
  forbidden: "You are not allowed to do this",
  assignment: {
    title: "Assigning new leads",
    rule: "Rule",
    rules: {
      round_robin: "Round-robin: in turn among active promotion officers who are not away",
      park_owner:
        "Park owner: the owner of the inquired listing's park; round-robin when the park has none, or the owner " +
        "is deactivated or away",
    },
    hint: "When no promotion officer qualifies, a new lead waits in the Pool to be claimed or assigned.",
  },
  workingHours: {
    title: "Working hours and first-response deadline",
    hint:
      "Counted in China time (Asia/Shanghai). An inquiry at night, on a weekend or a holiday starts counting at the " +
      "next opening.",
    days: "Working days",
    weekdays: { "1": "Mon", "2": "Tue", "3": "Wed", "4": "Thu", "5": "Fri", "6": "Sat", "7": "Sun" },
    start: "Opens at",
    end: "Closes at",
    firstResponseHours: "First response within (working hours)",
    firstResponseHint:
      "A new lead must be answered (a call, note, visit, email or stage move logged) within this time.",
    holidays: "Holidays",
    holidaysHint: "These days do not count as working time. One date per line, YYYY-MM-DD.",
    workdays: "Make-up working days",
    workdaysHint: "Weekend days that are worked (调休). One per line, YYYY-MM-DD.",
  },
  score: {
    title: "Admission score",
    hint:
      "Out of 100, each factor earning up to its weight; a factor without data earns nothing. A veto sets the score " +
      "to 0.",
    weights: "Weights",
    weightSum: "Total {sum} / 100",
    factors: {
      investment: "Investment scale",
      intensity: "Investment intensity",
      tax: "Tax",
      land: "Land use",
      investor: "Investor strength",
      output: "Output intensity",
      industry: "Industry fit",
      technology: "Technology",
      environment: "Environment",
      employment: "Employment",
    },
    factorHints: {
      investment: "Total investment: full marks from CNY 500 million; CNY 10 million is the project-reserve bar",
      intensity: "Investment per mu: half at CNY 1.5 million/mu (standard-land bar), full from CNY 5 million/mu",
      tax:
        "Tax per mu: half at CNY 80,000/mu (standard-land bar), full from CNY 500,000/mu; total tax when the area " +
        "is unknown",
      land: "Full for 10–100 mu of land or 1,000–10,000 m² of buildings, less for much smaller or larger",
      investor:
        "A credit code earns 40%; investment and output from CNY 20 million add more, full from CNY 100 million",
      output: "Output per mu: full from CNY 10 million/mu; total output when the area is unknown",
      industry: "Industry or use names one of the preferred industries below",
      technology: "Industry or use mentions R&D, high-tech, chips, software and the like",
      environment: "Nothing when industry or use names a polluting process (foundry, chemicals, spray painting…)",
      employment: "Full from 300 jobs",
    },
    preferredIndustries: "Preferred industries",
    preferredHint:
      "One per line, or separated by commas; matched against the lead's industry and use, ignoring case and " +
      "full-width forms.",
    bannedIndustries: "Banned industries (veto)",
    bannedHint: "A lead whose industry or use contains any of these words scores 0.",
    minExpectedTax: "Minimum expected annual tax (CNY 10k, veto)",
    minExpectedTaxHint: "A lead expecting less scores 0; leave blank for no minimum.",
  },
  breakdown: {
    title: "Admission score",
    total: "{total} points",
    outOf: "out of 100",
    notScored: "Not scored yet",
    vetoed: "Vetoed",
    vetoes: {
      bannedIndustry: "Banned industry: {detail}",
      minExpectedTax: "Expected annual tax below {amount}",
    },
    factor: "Factor",
    basisColumn: "Based on",
    points: "Points",
    pointsOf: "{points} / {weight}",
    signals: {
      creditCode: "Has a credit code",
      investment: "Sizeable investment",
      output: "Sizeable output",
      none: "No sign of strength",
    },
    basis: {
      unknown: "No data",
      total: "{amount}",
      perMu: "{amount}/mu",
      mu: "{value} mu",
      sqm: "{value} m²",
      match: "Mentions “{value}”",
      noMatch: "No match",
      clean: "No polluting process named",
      polluting: "Names “{value}”: environmental review needed",
      count: "{value} people",
    },
  },
  away: {
    status: "Away",
    markAway: "Mark away",
    markBack: "Mark back",
  },
  dashboard: {
    myNew: "My new leads",
    myNewEmpty: "No new leads assigned to you.",
    dueToday: "Due today",
    dueTodayEmpty: "No follow-ups due today.",
    overdue: "Overdue",
    overdueEmpty: "Nothing overdue.",
    lateLeads: "Leads past their first-response deadline",
    lateLeadsEmpty: "Every new lead was answered in time.",
    seeAll: "See all ({count})",
    company: "Company",
    owner: "Owner",
    unassigned: "Pool",
    task: "Follow-up",
    due: "Due",
    received: "Received",
    score: "Score",
    what: "What",
    kinds: { task: "Follow-up overdue", late: "First response late" },
    lateBy: "{hours} working hours late",
    vetoed: "Vetoed",
  },
};
