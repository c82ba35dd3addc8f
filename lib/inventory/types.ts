/*
 * The inventory's (租控) shared words, safe for client components: a unit's statuses in the order the
 * grid's legend shows them, and why a hold ends.
 */
export const UNIT_STATUSES = ["VACANT", "HELD", "SIGNED", "OCCUPIED", "UNAVAILABLE"] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const HOLD_ENDS = ["SIGNED", "EXPIRED", "RELEASED", "LEAD_LOST", "LEAD_CLOSED"] as const;
export type HoldEnd = (typeof HOLD_ENDS)[number];

/** Statuses whose area counts as let or sold (出租率/去化率). */
export const TAKEN_STATUSES: readonly UnitStatus[] = ["SIGNED", "OCCUPIED"];
