import type { Messages } from "../messages";

export const reportsOccupancyEn: Messages["reportsOccupancy"] = {
  title: "Occupancy and vacancy",
  wholePark: "Whole park",
  tables: {
    rate: "Occupancy rate at each period's end",
    vacancy: "Vacancy days",
    expired: "Holds expired without signing (by park and building)",
    expiredByOfficer: "Holds expired without signing (by officer)",
    now: "Area by status now",
  },
  columns: {
    period: "Period",
    asOf: "As of",
    park: "Park",
    building: "Building",
    total: "Total area (m²)",
    offered: "Area on offer (m²)",
    taken: "Signed and occupied (m²)",
    rate: "Occupancy rate",
    vacant: "Vacant (m²)",
    held: "Held (m²)",
    signed: "Signed (m²)",
    occupied: "Occupied (m²)",
    unavailable: "Unavailable (m²)",
    leftVacant: "Vacant spells ended",
    leftVacantDays: "Their average vacancy",
    vacantAtEnd: "Units vacant at the end",
    vacantAtEndDays: "Their average vacancy so far",
    expired: "Expired unsigned",
    signedLater: "Lead signed later",
    officer: "Officer",
  },
  chart: {
    label: "Line chart of each park's occupancy rate at each period's end",
    empty: "No units in the chosen range.",
  },
  summary:
    "As of {day}, occupancy of the parks chosen is {rate}: {taken} m² signed or occupied of {offered} m² on offer.",
  definition:
    "Occupancy rate = (signed + occupied area) ÷ (total − unavailable area), every area in m². " +
    "Each period's end reads every unit's status at that moment (its latest change before it); units not yet " +
    "entered do not count. Ranges of a month or less, or when weeks are chosen, are read by week (from Monday); " +
    "a period still running is read now. Vacancy is counted in Beijing-time calendar days: for units that stopped " +
    "being vacant in the range, from becoming vacant to leaving it; for units still vacant, up to the range's end " +
    '(or now). Holds expired without signing are holds ended by their expiry in the range; "signed later" means ' +
    "the lead signed any unit after the hold ended. Officers see their own holds only; a manager choosing an owner " +
    "sees that officer's holds. The park and kind filters pick units by their park and their building's kind; " +
    "the source filter does not apply here.",
};
