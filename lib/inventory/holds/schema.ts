import { z } from "zod";
import { decimal, optional, recordId } from "../../forms/fields";

/*
 * Holding units for a lead (意向锁定), renewing, releasing and moving in: one schema per form, shared by
 * the lead page, the grid and the server. Messages are validation.* keys.
 */

export const MAX_UNITS_HELD_AT_ONCE = 50;
export const MAX_UNITS_MOVED_IN_AT_ONCE = 200;
export const MAX_UNITS_SIGNED_AT_ONCE = 200;

const strict = {
  error: (issue: { code: string }) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid"),
};

const unitIds = (max: number) =>
  z
    .array(recordId, "required")
    .min(1, "required")
    .max(max, `tooMany:${max}`)
    .transform((ids) => [...new Set(ids)]);

export const holdUnitsSchema = z.strictObject({ leadId: recordId, unitIds: unitIds(MAX_UNITS_HELD_AT_ONCE) }, strict);
export type HoldUnitsInput = z.input<typeof holdUnitsSchema>;

export const renewHoldSchema = z.strictObject({ unitId: recordId }, strict);
export const releaseHoldSchema = z.strictObject({ unitId: recordId }, strict);

/** SIGNED → OCCUPIED (已入驻). */
export const moveInSchema = z.strictObject({ unitIds: unitIds(MAX_UNITS_MOVED_IN_AT_ONCE) }, strict);

/** A unit signed with a lead's move into a won stage, at the agreed price (in the unit's price unit). */
export const signedUnitSchema = z.strictObject(
  {
    unitId: recordId,
    /** Decimal(14, 2) */
    dealPrice: optional(decimal({ max: 10_000_000_000, decimals: 2 })),
  },
  strict,
);
export type SignedUnit = z.output<typeof signedUnitSchema>;

export const signedUnitsSchema = z
  .array(signedUnitSchema, "invalid")
  .max(MAX_UNITS_SIGNED_AT_ONCE, `tooMany:${MAX_UNITS_SIGNED_AT_ONCE}`)
  .refine((units) => new Set(units.map((unit) => unit.unitId)).size === units.length, "duplicateUnit");
