/*
 * The inquiry form's fixed choices, apart from the schema that checks them (lib/inquiries/schema.ts):
 * the form renders them at once, and loads the schema (zod) only when it first validates.
 */
export const needDeals = ["buy", "rent"] as const;
export const needKinds = ["factory", "office", "land"] as const;
export const areaUnits = ["sqm", "mu"] as const;
export const timelines = ["now", "3m", "6m", "12m", "later"] as const;
