import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { newId } from "../../db/ids";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { changesBetween, LISTING_MANAGERS, nextStamp, typedColumns, type Saved } from "../../listings/admin/mutations";
import { listingSchema, listingUpdateSchema, type ListingData } from "../../listings/admin/schema";
import { areaInSqm } from "../../listings/units";
import { syncListings } from "../listing-sync";

/*
 * A listing offers units of the register: saving the staff listing form sets which units it offers,
 * and its area, available area and status are then read from them (syncListings), never typed. A
 * listing created with no unit picked gets one made for it, as the migration made one for every old
 * listing: in the chosen building, or in a building named after the listing.
 */

type Tx = Prisma.TransactionClient;
type Typed = Omit<ListingData, "published" | "unitIds" | "buildingId" | "area" | "areaUnit">;

/** The units asked for, locked; refused unless every one is in the park and in no other listing. */
async function claimUnits(tx: Tx, unitIds: string[], parkId: string, listingId: string | null) {
  if (unitIds.length === 0) return null;
  const rows = await tx.$queryRaw<{ id: string; parkId: string; listingId: string | null }[]>`
    SELECT "id", "parkId", "listingId" FROM "Unit" WHERE "id" = ANY(${unitIds}::text[]) ORDER BY "id" FOR UPDATE`;
  const fits = (row: (typeof rows)[number]) =>
    row.parkId === parkId && (row.listingId === null || row.listingId === listingId);
  if (rows.length !== unitIds.length || !rows.every(fits)) return { unitIds: "unitsInOtherListing" };
  return null;
}

/** A building name not yet taken in the park: the listing's title, then "title（2）", "title（3）"… */
async function freeBuildingName(tx: Tx, parkId: string, title: string) {
  const base = [...title].slice(0, 50).join("");
  const taken = new Set(
    (await tx.building.findMany({ where: { parkId, name: { startsWith: base } }, select: { name: true } })).map(
      (row) => row.name,
    ),
  );
  let name = base;
  for (let count = 2; taken.has(name); count++) name = `${base}（${count}）`;
  return name;
}

/** The one unit of a listing created without units: in `buildingId`, or in a new building named after it. */
async function unitForNewListing(tx: Tx, data: ListingData, actorId: string): Promise<string | FieldErrors> {
  let building: { id: string; parkId: string } | null;
  if (data.buildingId) {
    building = await tx.building.findUnique({ where: { id: data.buildingId }, select: { id: true, parkId: true } });
    if (!building) return { buildingId: "notFound" };
    if (building.parkId !== data.parkId) return { buildingId: "buildingOtherPark" };
  } else {
    building = await tx.building.create({
      data: {
        parkId: data.parkId,
        name: await freeBuildingName(tx, data.parkId, data.title),
        nameEn: [...data.titleEn].slice(0, 50).join(""),
        kind: data.kind,
        factoryType: data.factoryType,
        storeys: data.storeys,
        structure: data.structure?.slice(0, 60) ?? null,
        structureEn: data.structureEn?.slice(0, 60) ?? null,
        floorHeightM: data.floorHeightM,
        floorLoadKgPerSqm: data.floorLoadKgPerSqm,
        powerKva: data.powerKva,
        propertyTermYears: data.propertyTermYears,
      },
      select: { id: true, parkId: true },
    });
  }
  const numbers = new Set(
    (await tx.unit.findMany({ where: { buildingId: building.id }, select: { number: true } })).map((row) => row.number),
  );
  let position = 1;
  while (numbers.has(String(position).padStart(2, "0"))) position++;
  const area = data.area ?? "0";
  const now = new Date();
  const unit = await tx.unit.create({
    data: {
      buildingId: building.id,
      parkId: data.parkId,
      number: String(position).padStart(2, "0"),
      area,
      areaUnit: data.areaUnit,
      areaSqm: areaInSqm(area, data.areaUnit).toString(),
      listPrice: data.price,
      priceUnit: data.priceUnit,
      statusChangedAt: now,
    },
  });
  await tx.unitStatusChange.create({
    data: { id: newId(), unitId: unit.id, toStatus: "VACANT", actorId, changedAt: now },
  });
  return unit.id;
}

/**
 * The listing's figures read from its units, then what depends on them (the comparable unit price,
 * the smallest part in m²) written with the listing's new concurrency stamp.
 */
async function settleFigures(tx: Tx, listingId: string, typed: Typed, stamp: Date) {
  await syncListings(tx, [listingId]);
  const figures = await tx.listing.findUniqueOrThrow({
    where: { id: listingId },
    select: { areaSqm: true, areaUnit: true },
  });
  const { minSplitAreaSqm, unitPrice } = typedColumns(typed, {
    areaSqm: figures.areaSqm.toString(),
    areaUnit: figures.areaUnit,
  });
  await tx.listing.update({ where: { id: listingId }, data: { minSplitAreaSqm, unitPrice, updatedAt: stamp } });
}

/**
 * After a unit's area changed under listings: what depends on a listing's area (the comparable unit
 * price of a total price, the smallest part in m²) worked out again from the figures just synced.
 */
export async function refreshListingPrices(tx: Tx, listingIds: readonly (string | null)[]) {
  const ids = [...new Set(listingIds.filter((id): id is string => Boolean(id)))];
  const listings = await tx.listing.findMany({ where: { id: { in: ids } } });
  for (const listing of listings) {
    const { minSplitAreaSqm, unitPrice } = typedColumns(
      { ...listing, minSplitArea: listing.minSplitArea?.toString() ?? null, price: listing.price.toString() } as Typed,
      { areaSqm: listing.areaSqm.toString(), areaUnit: listing.areaUnit },
    );
    await tx.listing.update({ where: { id: listing.id }, data: { minSplitAreaSqm, unitPrice } });
  }
}

const typedOf = (data: ListingData): Typed => {
  const {
    unitIds: _units,
    buildingId: _building,
    area: _area,
    areaUnit: _unit,
    published: _published,
    ...typed
  } = data;
  return typed;
};

export async function createListing(db: Database, viewer: Viewer | null, input: unknown): Promise<Saved> {
  assertRole(viewer, LISTING_MANAGERS, "create listings");
  const parsed = listingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const data = parsed.data;
  return db.$transaction(async (tx): Promise<Saved> => {
    if (!(await tx.park.findUnique({ where: { id: data.parkId }, select: { id: true } })))
      return { ok: false, fieldErrors: { parkId: "notFound" } };
    const refused = await claimUnits(tx, data.unitIds, data.parkId, null);
    if (refused) return { ok: false, fieldErrors: refused };
    let unitIds = data.unitIds;
    if (unitIds.length === 0) {
      const made = await unitForNewListing(tx, data, viewer.id);
      if (typeof made !== "string") return { ok: false, fieldErrors: made };
      unitIds = [made];
    }
    const typed = typedOf(data);
    // The figures are placeholders until the units are attached and read back just below.
    const created = await tx.listing.create({
      data: {
        ...typedColumns(typed, { areaSqm: 1, areaUnit: data.areaUnit }),
        published: data.published,
        area: 0,
        availableArea: 0,
        areaUnit: data.areaUnit,
        areaSqm: 0,
      },
    });
    await tx.unit.updateMany({ where: { id: { in: unitIds } }, data: { listingId: created.id } });
    const stamp = nextStamp(created.updatedAt);
    await settleFigures(tx, created.id, typed, stamp);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "listing.create",
      entityType: "Listing",
      entityId: created.id,
      details: { ...changesBetween(null, { ...typed, published: data.published }), unitIds },
    });
    return { ok: true, id: created.id, updatedAt: stamp.toISOString() };
  });
}

/**
 * Saves the edit form only if the listing is still as it was when the form was loaded (its
 * updatedAt): otherwise nothing is saved and the answer is "stale". Units left out of the form stay
 * in the register, offered by no listing; units added must be the park's and in no other listing.
 */
export async function updateListing(db: Database, viewer: Viewer | null, input: unknown): Promise<Saved> {
  assertRole(viewer, LISTING_MANAGERS, "edit listings");
  const parsed = listingUpdateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { id, updatedAt, ...data } = parsed.data;
  return db.$transaction(async (tx): Promise<Saved> => {
    const current = await tx.listing.findUnique({ where: { id }, include: { units: { select: { id: true } } } });
    if (!current) return { ok: false, fieldErrors: { id: "notFound" } };
    if (current.updatedAt.getTime() !== updatedAt.getTime()) return { ok: false, fieldErrors: { updatedAt: "stale" } };
    if (
      data.parkId !== current.parkId &&
      !(await tx.park.findUnique({ where: { id: data.parkId }, select: { id: true } }))
    ) {
      return { ok: false, fieldErrors: { parkId: "notFound" } };
    }
    const refused = await claimUnits(tx, data.unitIds, data.parkId, id);
    if (refused) return { ok: false, fieldErrors: refused };
    const typed = typedOf({ ...data, published: current.published });
    const changes = changesBetween(current, typed);
    const before = current.units.map((unit) => unit.id).sort();
    const after = [...data.unitIds].sort();
    const unitsChanged = JSON.stringify(before) !== JSON.stringify(after);
    if (Object.keys(changes).length === 0 && !unitsChanged)
      return { ok: true, id, updatedAt: current.updatedAt.toISOString() };
    const stamp = nextStamp(current.updatedAt);
    // updatedAt in the WHERE settles a race with a change committed since the read above.
    const saved = await tx.listing.updateMany({ where: { id, updatedAt }, data: { ...typed, updatedAt: stamp } });
    if (saved.count === 0) return { ok: false, fieldErrors: { updatedAt: "stale" } };
    await tx.unit.updateMany({ where: { listingId: id, id: { notIn: after } }, data: { listingId: null } });
    await tx.unit.updateMany({ where: { id: { in: after } }, data: { listingId: id } });
    await settleFigures(tx, id, typed, stamp);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "listing.update",
      entityType: "Listing",
      entityId: id,
      details: unitsChanged ? { ...changes, unitIds: [before, after] } : changes,
    });
    return { ok: true, id, updatedAt: stamp.toISOString() };
  });
}
