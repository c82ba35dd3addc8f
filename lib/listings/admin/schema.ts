import { z } from "zod";
import { existingId, isMissing } from "../../forms/fields";
import { choice, date, decimal, englishText, lines, optionalDecimal, optionalInt, optionalText, text } from "../fields";
import { industries, type IndustryCode } from "../industries";
import { deals, listingKinds } from "../schema";

/*
 * The staff listing form: the client form validates with it through zodResolver, the server
 * mutations parse it again. Messages are i18n keys under validation.* ("tooLong:100").
 */

export const factoryTypes = ["STANDARD", "SINGLE_STOREY", "MULTI_STOREY"] as const;
export const listingStatuses = ["AVAILABLE", "RESERVED", "LEASED", "SOLD"] as const;
export const areaUnits = ["SQM", "MU"] as const;
export const priceUnits = [
  "YUAN_PER_SQM",
  "WAN_TOTAL",
  "WAN_PER_MU",
  "YUAN_PER_SQM_DAY",
  "YUAN_PER_SQM_MONTH",
] as const;
/** The most units one listing offers. */
export const MAX_UNITS = 500;
const industryCodes = Object.keys(industries) as [IndustryCode, ...IndustryCode[]];

type Kind = (typeof listingKinds)[number];
type Deal = (typeof deals)[number];
export type ListingStatus = (typeof listingStatuses)[number];
type AreaUnit = (typeof areaUnits)[number];
type PriceUnit = (typeof priceUnits)[number];

/** 亩 is a land measure; buildings are measured in m². */
export function areaUnitsFor(kind: Kind): readonly AreaUnit[] {
  return kind === "LAND" ? areaUnits : ["SQM"];
}

/**
 * Sales are priced per m², per 亩 (land) or in total; leases per m² a day or a month — the units
 * lib/listings/units.ts can turn into the catalogue's comparable unit price.
 */
export function priceUnitsFor(kind: Kind, deal: Deal): readonly PriceUnit[] {
  if (deal === "LEASE") return ["YUAN_PER_SQM_DAY", "YUAN_PER_SQM_MONTH"];
  return kind === "LAND" ? ["WAN_PER_MU", "WAN_TOTAL", "YUAN_PER_SQM"] : ["YUAN_PER_SQM", "WAN_TOTAL"];
}

/** A sale ends sold, a lease ends leased (the status follows from the listing's units: lib/inventory). */
export function statusesFor(deal: Deal): readonly ListingStatus[] {
  return ["AVAILABLE", "RESERVED", deal === "LEASE" ? "LEASED" : "SOLD"];
}

const fields = {
  parkId: z.string({ error: "choice" }).trim().min(1, "choice").pipe(existingId),
  title: text(100),
  titleEn: englishText(160),
  kind: choice(listingKinds),
  factoryType: z.union([z.enum(factoryTypes), z.literal(""), z.null()], { error: "choice" }).optional(),
  deal: choice(deals),
  address: optionalText(200),
  addressEn: optionalText(300),
  /**
   * The units the listing offers (a whole building, a floor, a plot): its area, available area and
   * status follow from them. None picked on creation: one unit of `area` is made for it, in
   * `buildingId` or in a building named after the listing.
   */
  unitIds: z
    .array(existingId, { error: "choice" })
    .max(MAX_UNITS, `tooMany:${MAX_UNITS}`)
    .optional()
    .transform((value) => value ?? []),
  buildingId: z
    .union([existingId, z.literal(""), z.null()], { error: "notFound" })
    .optional()
    .transform((value) => value || null),
  /** only for a listing created without units: the area of the one unit made for it */
  area: optionalDecimal(10_000_000, 2, { positive: true }),
  areaUnit: choice(areaUnits),
  /** the smallest part sold or leased on its own, in the area's unit; blank when the listing goes only whole */
  minSplitArea: optionalDecimal(10_000_000, 2, { positive: true }),
  price: decimal(10_000_000, 2, 0.01),
  priceUnit: choice(priceUnits),
  floorHeightM: optionalDecimal(100, 2),
  floorLoadKgPerSqm: optionalInt(1, 100_000),
  powerKva: optionalInt(1, 1_000_000),
  propertyTermYears: optionalInt(1, 99),
  landUseType: optionalText(60),
  landUseTypeEn: optionalText(100),
  structure: optionalText(60),
  structureEn: optionalText(100),
  storeys: optionalInt(1, 200),
  industries: z
    .array(z.enum(industryCodes, { error: "choice" }))
    .max(industryCodes.length, "choice")
    .optional()
    .transform((value) => value ?? []),
  highlights: lines(10, 40),
  highlightsEn: lines(10, 80),
  description: text(4000),
  descriptionEn: englishText(8000),
  availableFrom: date,
};

interface Consistency {
  kind?: Kind;
  deal?: Deal;
  factoryType?: string | null;
  area?: unknown;
  minSplitArea?: string | null;
  areaUnit?: AreaUnit;
  priceUnit?: PriceUnit;
  unitIds?: unknown;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T => values.includes(value as T);
const isAmount = (value: unknown): value is string => typeof value === "string" && /^\d+(\.\d+)?$/.test(value);

/**
 * Rules across fields; each names the field to fix. It also runs when some fields failed (so every
 * error shows at once), hence each rule first checks that the values it compares are valid.
 */
function checkConsistency(value: Consistency, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const kind = oneOf(listingKinds, value.kind) ? value.kind : undefined;
  const deal = oneOf(deals, value.deal) ? value.deal : undefined;
  if (kind === "FACTORY" && !value.factoryType) issue("factoryType", "choice");
  if (kind && oneOf(areaUnits, value.areaUnit) && !areaUnitsFor(kind).includes(value.areaUnit))
    issue("areaUnit", "unitMismatch");
  if (kind && deal && oneOf(priceUnits, value.priceUnit) && !priceUnitsFor(kind, deal).includes(value.priceUnit))
    issue("priceUnit", "unitMismatch");
  const units = Array.isArray(value.unitIds) ? value.unitIds : [];
  if (new Set(units).size !== units.length) issue("unitIds", "duplicateUnit");
  if (units.length === 0 && isMissing(value.area)) issue("area", "required");
  if (isAmount(value.area) && isAmount(value.minSplitArea) && Number(value.minSplitArea) > Number(value.area))
    issue("minSplitArea", "minSplitArea");
}
const always = { when: () => true };

/** Only a factory has a factory type; a stale choice left in the form after switching kind is dropped. */
function settle<T extends { kind: Kind; factoryType?: string | null }>(value: T) {
  return {
    ...value,
    factoryType: value.kind === "FACTORY" ? (value.factoryType as (typeof factoryTypes)[number]) : null,
  };
}

export const listingSchema = z
  .strictObject({ ...fields, published: z.boolean({ error: "choice" }) }, { error: "unknownField" })
  .superRefine(checkConsistency, always)
  .transform(settle);
export type ListingInput = z.input<typeof listingSchema>;
export type ListingData = z.output<typeof listingSchema>;

/**
 * An edit carries the listing's updatedAt as loaded, so a save over someone else's newer change is
 * refused ("stale") instead of silently undoing it. Publication has its own control. An edit keeps
 * at least one unit: its figures come from them.
 */
export const listingUpdateSchema = z
  .strictObject(
    { ...fields, id: existingId, updatedAt: z.iso.datetime({ error: "stale" }).transform((value) => new Date(value)) },
    { error: "unknownField" },
  )
  .superRefine((value, ctx) => {
    if (Array.isArray(value.unitIds) && value.unitIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["unitIds"], message: "unitsRequired" });
    else checkConsistency({ ...value, area: undefined }, ctx);
  }, always)
  .transform(settle);
export type ListingUpdateInput = z.input<typeof listingUpdateSchema>;

const listingRef = {
  id: existingId,
  /** When given, the change is refused if the listing moved on since (the edit page's controls). */
  updatedAt: z.iso
    .datetime({ error: "stale" })
    .optional()
    .transform((value) => (value ? new Date(value) : undefined)),
};
export const listingPublishSchema = z.strictObject({ ...listingRef, published: z.boolean({ error: "choice" }) });

/** The staff list's filters, from the URL; a bad value is dropped rather than failing the page. */
export const listingAdminFilterSchema = z.object({
  park: existingId.optional().catch(undefined),
  kind: z.enum(listingKinds).optional().catch(undefined),
  status: z.enum(listingStatuses).optional().catch(undefined),
  published: z.enum(["yes", "no"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type ListingAdminFilter = z.output<typeof listingAdminFilterSchema>;
