import type { Messages } from "../messages";

export const dashboardEn: Messages["dashboard"] = {
  pool: {
    title: "Pool: leads waiting to be claimed",
    empty: "No leads are waiting in the Pool.",
    oldest: "The {count} waiting longest",
    company: "Company",
    need: "Need",
    source: "Source",
    waiting: "Waiting",
    claim: "Claim",
    seeAll: "See the whole pool in the leads list ({count})",
    assignHint: "Tick them in the leads list to assign them to an officer.",
  },
  duty: {
    title: "Who takes turns",
    ruleRoundRobin: "New leads go in turn to the officers on duty; the first one is next:",
    ruleParkOwner:
      "A listing's lead goes to its park's owner when on duty; else in turn to the officers on duty, first one next:",
    next: "next",
    nobody: "No officer is on duty: new leads wait in the Pool to be claimed or assigned.",
    inRotation: "You are on duty and taking turns: new leads come to you in order.",
    awayStaff: "You are marked away: round-robin skips you until you are back.",
    notStaff: "Round-robin gives leads to officers only; new leads are not assigned to you automatically.",
    parkOwner: "Under the park-owner rule, inquiries for the parks you own come to you first.",
    parkOwnerAway: "You are marked away: inquiries for the parks you own go round-robin instead.",
  },
  waited: {
    minutes: "{n} min",
    hours: "{n} h",
    days: "{n} days",
  },
};
