import "server-only";
import type { Database } from "../../db/client";
import type { Listing, Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Role } from "../../auth/schema";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import {
  listingPublishSchema,
  listingSchema,
  listingStatusSchema,
  listingUpdateSchema,
  statusesFor,
  type ListingData,
} from "./schema";
import { areaInSqm, unitPrice } from "../units";

/** Every workspace role manages listings; parks are the admin's (lib/parks). */
export const LISTING_MANAGERS: readonly Role[] = ["STAFF", "MANAGER", "ADMIN"];

export type ListingResult<T = object> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors };
type Saved = ListingResult<{ id: string; updatedAt: string }>;

type Fields = Omit<ListingData, "status" | "published">;
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
function changesBetween(before: Partial<Record<string, unknown>> | null, after: Partial<Record<string, unknown>>) {
  const changes: Record<string, [Value, Value]> = {};
  for (const field of AUDITED) {
    if (!(field in after)) continue;
    const [from, to] = [plain(before?.[field]), plain(after[field])];
    if (!same(from, to)) changes[field] = [from, to];
  }
  return changes;
}

/**
 * The stored columns of the form's fields, with the comparable area and price the catalogue sorts by (as the seed
 * computes them) and the smallest part in m² that matching compares.
 */
function columnsOf(fields: Fields) {
  const areaSqm = areaInSqm(fields.area, fields.areaUnit);
  return {
    ...fields,
    areaSqm: areaSqm.toString(),
    minSplitAreaSqm: fields.minSplitArea === null ? null : areaInSqm(fields.minSplitArea, fields.areaUnit).toString(),
    unitPrice: unitPrice(fields.price, fields.priceUnit, areaSqm).toString(),
  };
}

/** Strictly later than the last change, so a token taken in the same millisecond still goes stale. */
const nextStamp = (previous: Date) => new Date(Math.max(Date.now(), previous.getTime() + 1));

export async function createListing(db: Database, viewer: Viewer | null, input: unknown): Promise<Saved> {
  assertRole(viewer, LISTING_MANAGERS, "create listings");
  const parsed = listingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const data = parsed.data;
  return db.$transaction(async (tx): Promise<Saved> => {
    if (!(await tx.park.findUnique({ where: { id: data.parkId }, select: { id: true } })))
      return { ok: false, fieldErrors: { parkId: "notFound" } };
    const created = await tx.listing.create({ data: columnsOf(data) });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "listing.create",
      entityType: "Listing",
      entityId: created.id,
      details: changesBetween(null, data),
    });
    return { ok: true, id: created.id, updatedAt: created.updatedAt.toISOString() };
  });
}

/**
 * Saves the edit form only if the listing is still as it was when the form was loaded (its
 * updatedAt): otherwise nothing is saved and the answer is "stale", so neither of two concurrent
 * edits is lost without its author knowing.
 */
export async function updateListing(db: Database, viewer: Viewer | null, input: unknown): Promise<Saved> {
  assertRole(viewer, LISTING_MANAGERS, "edit listings");
  const parsed = listingUpdateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { id, updatedAt, ...fields } = parsed.data;
  return db.$transaction(async (tx): Promise<Saved> => {
    const current = await tx.listing.findUnique({ where: { id } });
    if (!current) return { ok: false, fieldErrors: { id: "notFound" } };
    if (current.updatedAt.getTime() !== updatedAt.getTime()) return { ok: false, fieldErrors: { updatedAt: "stale" } };
    if (!statusesFor(fields.deal).includes(current.status)) return { ok: false, fieldErrors: { deal: "statusDeal" } };
    if (
      fields.parkId !== current.parkId &&
      !(await tx.park.findUnique({ where: { id: fields.parkId }, select: { id: true } }))
    ) {
      return { ok: false, fieldErrors: { parkId: "notFound" } };
    }
    const changes = changesBetween(current, fields);
    if (Object.keys(changes).length === 0) return { ok: true, id, updatedAt: current.updatedAt.toISOString() };
    const stamp = nextStamp(current.updatedAt);
    // updatedAt in the WHERE settles a race with a change committed since the read above.
    const saved = await tx.listing.updateMany({
      where: { id, updatedAt },
      data: { ...columnsOf(fields), updatedAt: stamp },
    });
    if (saved.count === 0) return { ok: false, fieldErrors: { updatedAt: "stale" } };
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "listing.update",
      entityType: "Listing",
      entityId: id,
      details: changes,
    });
    return { ok: true, id, updatedAt: stamp.toISOString() };
  });
}

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

export async function setListingStatus(db: Database, viewer: Viewer | null, input: unknown): Promise<Saved> {
  assertRole(viewer, LISTING_MANAGERS, "change listing status");
  const parsed = listingStatusSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { status } = parsed.data;
  return changeListing(db, viewer, parsed.data, (current) => {
    if (current.status === status) return null;
    if (!statusesFor(current.deal).includes(status)) return { error: { status: "statusDeal" } };
    return { data: { status }, action: "listing.status" };
  });
}
