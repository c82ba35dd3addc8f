import { z } from "zod";
import { existingId, rowVersion } from "../../forms/fields";
import { choice, decimal, englishText, optionalDecimal, optionalInt, optionalText, text } from "../../listings/fields";
import { listingKinds } from "../../listings/schema";
import { areaUnits, factoryTypes, priceUnits } from "../../listings/admin/schema";

/*
 * The asset register's forms (buildings, units, a floor's units at once, 不可租售): one schema per
 * form, validated in the browser through zodResolver and parsed again by lib/inventory/register/mutations.
 * Messages are validation.* keys.
 */

type Kind = (typeof listingKinds)[number];

/** At most this many units are added by one "floor's units" entry. */
export const FLOOR_UNITS_MAX = 100;

const buildingFields = {
  name: text(60),
  nameEn: englishText(60),
  kind: choice(listingKinds),
  factoryType: z.union([z.enum(factoryTypes), z.literal(""), z.null()], { error: "choice" }).optional(),
  storeys: optionalInt(1, 200),
  structure: optionalText(60),
  structureEn: optionalText(60),
  floorHeightM: optionalDecimal(100, 2),
  floorLoadKgPerSqm: optionalInt(1, 100_000),
  powerKva: optionalInt(1, 1_000_000),
  completionYear: optionalInt(1900, 2100),
  propertyTermYears: optionalInt(1, 99),
  position: optionalInt(0, 10_000),
};

/** Only a factory has a factory type; a stale choice left after switching kind is dropped, a missing one named. */
function factoryTypeRule(value: { kind?: unknown; factoryType?: unknown }, ctx: z.RefinementCtx) {
  if (value.kind === "FACTORY" && !value.factoryType)
    ctx.addIssue({ code: "custom", path: ["factoryType"], message: "choice" });
}
function settleBuilding<T extends { kind: Kind; factoryType?: string | null; position: number | null }>(value: T) {
  return {
    ...value,
    factoryType: value.kind === "FACTORY" ? (value.factoryType as (typeof factoryTypes)[number]) : null,
    position: value.position ?? 0,
  };
}
const always = { when: () => true };

export const buildingSchema = z
  .strictObject({ ...buildingFields, parkId: existingId }, { error: "unknownField" })
  .superRefine(factoryTypeRule, always)
  .transform(settleBuilding);
export type BuildingInput = z.input<typeof buildingSchema>;

/** An edit carries the building's updatedAt as loaded: a save over a newer change is refused ("stale"). */
export const buildingUpdateSchema = z
  .strictObject(
    {
      ...buildingFields,
      id: existingId,
      updatedAt: z.iso.datetime({ error: "stale" }).transform((value) => new Date(value)),
    },
    { error: "unknownField" },
  )
  .superRefine(factoryTypeRule, always)
  .transform(settleBuilding);
export type BuildingUpdateInput = z.input<typeof buildingUpdateSchema>;

export const buildingRefSchema = z.strictObject({ id: existingId }, { error: "unknownField" });

const priceFields = {
  listPrice: optionalDecimal(10_000_000, 2, { positive: true }),
  /** 底价: only managers and admins send it; the mutation refuses it from anyone else */
  floorPrice: optionalDecimal(10_000_000, 2, { positive: true }),
  priceUnit: z.union([z.enum(priceUnits), z.literal(""), z.null()], { error: "choice" }).optional(),
};
const unitFields = {
  area: decimal(10_000_000, 2, 0.01),
  areaUnit: choice(areaUnits),
  ...priceFields,
};

/** A price needs the unit it is in. */
type Priced = { listPrice?: unknown; floorPrice?: unknown; priceUnit?: unknown };
function priceUnitRule(value: Priced, ctx: z.RefinementCtx) {
  if ((value.listPrice || value.floorPrice) && !value.priceUnit)
    ctx.addIssue({ code: "custom", path: ["priceUnit"], message: "choice" });
}
function settleUnit<T extends { priceUnit?: string | null }>(value: T) {
  return { ...value, priceUnit: (value.priceUnit || null) as (typeof priceUnits)[number] | null };
}

const floor = optionalInt(-10, 200);
const unitNumber = text(30);

export const unitSchema = z
  .strictObject({ ...unitFields, buildingId: existingId, floor, number: unitNumber }, { error: "unknownField" })
  .superRefine(priceUnitRule, always)
  .transform(settleUnit);
export type UnitInput = z.input<typeof unitSchema>;

/** An edit carries the unit's version as loaded; a hold or another edit since makes it stale. */
export const unitUpdateSchema = z
  .strictObject(
    { ...unitFields, id: existingId, version: rowVersion, floor, number: unitNumber },
    {
      error: "unknownField",
    },
  )
  .superRefine(priceUnitRule, always)
  .transform(settleUnit);
export type UnitUpdateInput = z.input<typeof unitUpdateSchema>;

/**
 * A floor's units at once, as park staff enter them: floor 3, units 301 to 306, 500 m² each. The
 * numbers run from `first` to `last`; a floor of a building has at most FLOOR_UNITS_MAX of them.
 */
export const floorUnitsSchema = z
  .strictObject(
    {
      ...unitFields,
      buildingId: existingId,
      floor: optionalInt(-10, 200).pipe(z.number({ error: "required" })),
      first: optionalInt(1, 99_999).pipe(z.number({ error: "required" })),
      last: optionalInt(1, 99_999).pipe(z.number({ error: "required" })),
    },
    { error: "unknownField" },
  )
  .superRefine(priceUnitRule, always)
  .superRefine((value, ctx) => {
    if (typeof value.first !== "number" || typeof value.last !== "number") return;
    if (value.last < value.first) ctx.addIssue({ code: "custom", path: ["last"], message: "unitRange" });
    else if (value.last - value.first >= FLOOR_UNITS_MAX)
      ctx.addIssue({ code: "custom", path: ["last"], message: `tooMany:${FLOOR_UNITS_MAX}` });
  }, always)
  .transform(settleUnit);
export type FloorUnitsInput = z.input<typeof floorUnitsSchema>;

export const unitRefSchema = z.strictObject({ id: existingId, version: rowVersion }, { error: "unknownField" });

/** 不可租售 (available: false) or back to 空置 (available: true). */
export const unitAvailabilitySchema = z.strictObject(
  { id: existingId, available: z.boolean({ error: "choice" }) },
  { error: "unknownField" },
);
