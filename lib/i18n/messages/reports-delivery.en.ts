import type { Messages } from "../messages";

export const reportsDeliveryEn: Messages["reportsDelivery"] = {
  title: "Delivery",
  filters: {
    asOf: "As of",
    year: "Evaluation year",
    mine: "My projects",
  },
  asOfText: "As of {day} (Beijing time); per-mu evaluation for {year}",
  staffScope: "Showing only projects you own.",
  period: "As of {day}, evaluation year {year}",
  tables: {
    progress: "Construction, production, full production and late milestones",
    funding: "Paid-in investment",
    evaluation: "Promised vs actual (evaluation year) and per-mu classes",
    classes: "Per-mu classes and admission score",
  },
  dimensions: {
    all: "Total",
    park: "Park",
    owner: "Officer",
    industry: "Industry",
    signedYear: "Signing year",
  },
  groups: {
    all: "All projects",
    noPark: "No park",
    noOwner: "Unassigned",
    noIndustry: "Industry not given",
    year: "{year}",
  },
  grades: {
    A: "Class A (priority)",
    B: "Class B (improve)",
    C: "Class C (rectify)",
    D: "Class D (transform)",
    unclassed: "Not classed (land or figures missing)",
  },
  columns: {
    dimension: "Dimension",
    group: "Group",
    projects: "Projects",
    startDone: "Started",
    startDue: "Due to start",
    startRate: "Construction rate",
    productionDone: "In production",
    productionDue: "Due in production",
    productionRate: "Production rate",
    fullDone: "At full production",
    fullDue: "Due at full production",
    fullRate: "Full-production rate",
    late: "Late milestones",
    projectsLate: "Projects with a late milestone",
    committed: "Committed investment (CNY 10k)",
    paid: "Paid in (CNY 10k)",
    paidRate: "Paid-in rate",
    scheduled: "Scheduled so far (CNY 10k)",
    paidOfScheduled: "Their paid in (CNY 10k)",
    scheduledRate: "Paid vs schedule",
    evaluated: "Projects evaluated",
    promisedTax: "Promised tax (CNY 10k)",
    actualTax: "Actual tax (CNY 10k)",
    taxRate: "Tax delivered",
    promisedOutput: "Promised output (CNY 10k)",
    actualOutput: "Actual output (CNY 10k)",
    outputRate: "Output delivered",
    gradeA: "Class A",
    gradeB: "Class B",
    gradeC: "Class C",
    gradeD: "Class D",
    unclassed: "Not classed",
    grade: "Class",
    share: "Share",
    intakeScore: "Average admission score (points)",
    taxPerMu: "Average tax per mu (CNY 10k/mu)",
    outputPerMu: "Average output per mu (CNY 10k/mu)",
  },
  summary:
    "As of {day}, {projects} projects counted: construction rate {startRate}, production rate {productionRate}, " +
    "full-production rate {fullRate}, {late} late milestones; paid-in rate {paidRate}.",
  empty: "No project counts as of the chosen day.",
  definition:
    "Counted: signed by the end of the chosen day and not terminated, or terminated after it. Milestones are read " +
    "against the plan in force at the end of that day (the contract's plan from the signing, a re-plan from when it " +
    "was made): done when the actual day is on or before it, due when the planned day is; each rate = done ÷ " +
    "(due or done). Late: planned before the chosen day and not done by it (all six milestones). Paid-in rate = " +
    "payments made by the day ÷ committed total investment, over projects with a commitment; paid vs schedule = the " +
    "same payments ÷ the schedule's amounts due by the day, over projects with an amount due. Evaluation year: " +
    "projects with that year's figures; promised is the contract's output and tax at full production, actual the " +
    "year's figures; classes use the park's per-mu yardsticks (else the delivery rules' defaults) and the rules' " +
    "weight and bands; a project without land, tax or output is not classed. Officers see only their own projects.",
};
