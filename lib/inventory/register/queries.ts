import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import { INVENTORY_READERS, managesInventory, seesFloorPrice } from "../access";
import type { BuildingUpdateInput } from "./schema";

/*
 * What the building page reads: the building, its form's values and its units. Every workspace
 * role reads it; the 底价 is read from the database only for managers and admins, so it never
 * reaches anyone else's page.
 */

/** The park a new building goes into, or null when there is none such. */
export async function parkForNewBuilding(db: Database, viewer: Viewer | null, parkId: string) {
  assertRole(viewer, INVENTORY_READERS, "read the asset register");
  return db.park.findUnique({ where: { id: parkId }, select: { id: true, slug: true, name: true, nameEn: true } });
}

const text = (value: { toString(): string } | null) => value?.toString() ?? "";

export async function buildingForEdit(db: Database, viewer: Viewer | null, id: string) {
  assertRole(viewer, INVENTORY_READERS, "read the asset register");
  const floorPrice = seesFloorPrice(viewer);
  const row = await db.building.findUnique({
    where: { id },
    include: {
      park: { select: { id: true, slug: true, name: true, nameEn: true } },
      units: {
        orderBy: [{ floor: "asc" }, { number: "asc" }],
        select: {
          id: true,
          floor: true,
          number: true,
          area: true,
          areaUnit: true,
          listPrice: true,
          floorPrice,
          priceUnit: true,
          status: true,
          statusChangedAt: true,
          listingId: true,
          version: true,
          listing: { select: { title: true, titleEn: true } },
          _count: { select: { holds: true } },
        },
      },
    },
  });
  if (!row) return null;
  const values: BuildingUpdateInput = {
    id: row.id,
    updatedAt: row.updatedAt.toISOString(),
    name: row.name,
    nameEn: row.nameEn,
    kind: row.kind,
    factoryType: row.factoryType ?? "",
    storeys: text(row.storeys),
    structure: row.structure ?? "",
    structureEn: row.structureEn ?? "",
    floorHeightM: text(row.floorHeightM),
    floorLoadKgPerSqm: text(row.floorLoadKgPerSqm),
    powerKva: text(row.powerKva),
    completionYear: text(row.completionYear),
    propertyTermYears: text(row.propertyTermYears),
    position: String(row.position),
  };
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    kind: row.kind,
    park: row.park,
    values,
    /** whether the viewer edits the register (managers, admins) or only reads it */
    manages: managesInventory(viewer),
    seesFloorPrice: floorPrice,
    units: row.units.map(({ _count, listing, ...unit }) => ({
      id: unit.id,
      floor: unit.floor,
      number: unit.number,
      area: unit.area.toString(),
      areaUnit: unit.areaUnit,
      listPrice: unit.listPrice?.toString() ?? null,
      floorPrice: "floorPrice" in unit && unit.floorPrice ? unit.floorPrice.toString() : null,
      priceUnit: unit.priceUnit,
      status: unit.status,
      statusChangedAt: unit.statusChangedAt.toISOString(),
      version: unit.version,
      listing: unit.listingId && listing ? { id: unit.listingId, ...listing } : null,
      /** a vacant unit never held and in no listing may be removed; any other is marked 不可租售 instead */
      removable: unit.status === "VACANT" && !unit.listingId && _count.holds === 0,
    })),
  };
}

export type RegisterBuilding = NonNullable<Awaited<ReturnType<typeof buildingForEdit>>>;
export type RegisterUnit = RegisterBuilding["units"][number];
