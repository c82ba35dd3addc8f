import "server-only";
import type { Database } from "../../db/client";
import type { Listing, Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Role } from "../../auth/schema";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import type { Decimal } from "decimal.js";
import { listingPublishSchema, type ListingData } from "./schema";
import { areaInSqm, unitPrice, type AreaUnit } from "../units";

/** Every workspace role manages listings; parks are the admin's (lib/parks). */
export const LISTING_MANAGERS: readonly Role[] = ["STAFF", "MANAGER", "ADMIN"];

export type ListingResult<T = object> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors };
export type Saved = ListingResult<{ id: string; updatedAt: string }>;

type Fields = Omit<ListingData, "published">;
type Value = string | number | boolean | string[] | null;

const AUDITED = [
  "parkId",
  "title",
  "titleEn",
  "kind",
  "factoryType",
  "deal",
  "status",
  "published",
  "address",
  "addressEn",
  "area",
  "availableArea",
  "areaUnit",
  "minSplitArea",
  "price",
  "priceUnit",
  "floorHeightM",
  "floorLoadKgPerSqm",
  "powerKva",
  "propertyTermYears",
  "landUseType",
  "landUseTypeEn",
  "structure",
  "structureEn",
  "storeys",
  "industries",
  "highlights",
  "highlightsEn",
  "description",
  "descriptionEn",
  "availableFrom",
] as const satisfies readonly (keyof Listing)[];

/** A column as the audit log shows it: decimals as strings, dates as YYYY-MM-DD. */
function plain(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && !Array.isArray(value)) return String(value);
  return value as Value;
}

function same(before: Value, after: Value): boolean {
  if (
    typeof before === "string" &&
    typeof after === "string" &&
    /^\d+(\.\d+)?$/.test(before) &&
    /^\d+(\.\d+)?$/.test(after)
  ) {
    return Number(before) === Number(after);
  }
  return JSON.stringify(before) === JSON.stringify(after);
}

/** { field: [before, after] } for every audited field that differs; `before` null on creation. */
export function changesBetween(
  before: Partial<Record<string, unknown>> | null,
  after: Partial<Record<string, unknown>>,
) {
  const changes: Record<string, [Value, Value]> = {};
  for (const field of AUDITED) {
    if (!(field in after)) continue;
    const [from, to] = [plain(before?.[field]), plain(after[field])];
    if (!same(from, to)) changes[field] = [from, to];
  }
  return changes;
}

/**
 * The typed columns of the form's fields, with the comparable unit price the catalogue sorts by and
 * the smallest part in m² that matching compares, both worked out from the listing's area as its
 * units give it (`areaSqm`, `areaUnit`: lib/inventory keeps them in line).
 */
export function typedColumns(
  fields: Omit<Fields, "unitIds" | "buildingId" | "area" | "areaUnit">,
  figures: { areaSqm: Decimal.Value; areaUnit: AreaUnit },
) {
  return {
    ...fields,
    minSplitAreaSqm: fields.minSplitArea === null ? null : areaInSqm(fields.minSplitArea, figures.areaUnit).toString(),
    unitPrice: unitPrice(fields.price, fields.priceUnit, figures.areaSqm).toString(),
  };
}

/** Strictly later than the last change, so a token taken in the same millisecond still goes stale. */
export const nextStamp = (previous: Date) => new Date(Math.max(Date.now(), previous.getTime() + 1));

/** One column change with its own audit action; refused as "stale" when the caller's updatedAt is behind. */
async function changeListing(
  db: Database,
  viewer: Viewer,
  target: { id: string; updatedAt?: Date },
  change: (
    current: Listing,
  ) => { data: Prisma.ListingUpdateManyMutationInput; action: string } | { error: FieldErrors } | null,
): Promise<Saved> {
  return db.$transaction(async (tx): Promise<Saved> => {
    const current = await tx.listing.findUnique({ where: { id: target.id } });
    if (!current) return { ok: false, fieldErrors: { id: "notFound" } };
    if (target.updatedAt && current.updatedAt.getTime() !== target.updatedAt.getTime())
      return { ok: false, fieldErrors: { updatedAt: "stale" } };
    const planned = change(current);
    if (planned === null) return { ok: true, id: current.id, updatedAt: current.updatedAt.toISOString() };
    if ("error" in planned) return { ok: false, fieldErrors: planned.error };
    const stamp = nextStamp(current.updatedAt);
    const saved = await tx.listing.updateMany({
      where: { id: current.id, updatedAt: current.updatedAt },
      data: { ...planned.data, updatedAt: stamp },
    });
    if (saved.count === 0) return { ok: false, fieldErrors: { updatedAt: "stale" } };
    await recordAudit(tx, {
      actorId: viewer.id,
      action: planned.action,
      entityType: "Listing",
      entityId: current.id,
      details: changesBetween(current, planned.data),
    });
    return { ok: true, id: current.id, updatedAt: stamp.toISOString() };
  });
}

/** Publish or unpublish. Listings are never deleted: unpublishing is how one leaves the public site. */
export async function setListingPublished(db: Database, viewer: Viewer | null, input: unknown): Promise<Saved> {
  assertRole(viewer, LISTING_MANAGERS, "publish listings");
  const parsed = listingPublishSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { published } = parsed.data;
  return changeListing(db, viewer, parsed.data, (current) =>
    current.published === published
      ? null
      : { data: { published }, action: published ? "listing.publish" : "listing.unpublish" },
  );
}
