import "server-only";
import { Prisma } from "../../db/generated/client";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { AreaUnit, FactoryType, PriceUnit } from "../../db/generated/enums";
import { INVENTORY_READERS, managesInventory, seesFloorPrice } from "../access";
import { workableLeadSql } from "../holds/lead-scope";
import { addTotals, areaSumsSql, totalsOf, type AreaSums, type AreaTotals } from "../totals";
import type { UnitStatus } from "../types";
import { inventoryFilterSchema, narrowsUnits, type BuildingKind, type InventoryFilter } from "./schema";

export interface GridUnit {
  id: string;
  number: string;
  floor: number | null;
  /** the area in its own unit (m², or 亩 for a land plot), as stored */
  area: string;
  areaUnit: AreaUnit;
  areaSqm: number;
  status: UnitStatus;
  statusChangedAt: Date;
  /**
   * the lead holding, signed for or in the unit; `mayOpen` when the viewer may open its page (the leads they may
   * work: holds/lead-scope.ts states the lead pages' rule below the leads domain)
   */
  lead: { id: string; company: string; mayOpen: boolean } | null;
  heldUntil: Date | null;
  holderName: string | null;
  /** the viewer may renew or release the hold: its holder, the lead's owner, or a manager (as holds decide) */
  mayChangeHold: boolean;
  listPrice: string | null;
  priceUnit: PriceUnit | null;
  /** 底价: present only for a viewer who may see it (seesFloorPrice) */
  floorPrice?: string | null;
  listingId: string | null;
}

/** A row of a building's block: a floor (top first), or the units without one (land plots, whole buildings). */
export interface GridFloor {
  floor: number | null;
  units: GridUnit[];
}

export interface GridBuilding {
  id: string;
  name: string;
  nameEn: string;
  kind: BuildingKind;
  factoryType: FactoryType | null;
  storeys: number | null;
  /** every unit of the building, whatever the filter shows */
  totals: AreaTotals;
  unitCount: number;
  floors: GridFloor[];
}

export interface ParkInventory {
  park: { id: string; slug: string; name: string; nameEn: string };
  /** the buildings the filter shows, in the park's order */
  buildings: GridBuilding[];
  /** every unit of the park, whatever the filter shows */
  totals: AreaTotals;
  /** the units the filter shows, and their area in m² */
  shown: { units: number; areaSqm: number };
}

type BuildingRow = AreaSums & {
  parkId: string;
  parkSlug: string;
  parkName: string;
  parkNameEn: string;
  id: string | null;
  name: string;
  nameEn: string;
  kind: BuildingKind;
  factoryType: GridBuilding["factoryType"];
  storeys: number | null;
  unitCount: number | null;
};

type UnitRow = Omit<GridUnit, "lead" | "floorPrice"> & {
  buildingId: string;
  leadId: string | null;
  company: string | null;
  leadOpen: boolean | null;
  floorPrice: string | null;
};

/**
 * One park's 租控表: its buildings in the park's order, each with its floors (top floor first, then the row of
 * units without a floor) and their units, who holds or has each and until when; totals per building and for
 * the park from lib/inventory/totals.ts. `park` is the park's slug or id; null when there is no such park.
 * Two statements whatever the park's size: the buildings with their sums, and the units the filter shows.
 * The floor price is read only for a viewer who may see it.
 */
export async function parkInventory(
  db: Database,
  viewer: Viewer | null,
  park: string,
  filter: InventoryFilter = {},
): Promise<ParkInventory | null> {
  assertRole(viewer, INVENTORY_READERS, "read the inventory");
  const reader = viewer;
  const view = inventoryFilterSchema.parse(filter);
  const parkOf = Prisma.sql`(SELECT "id" FROM "Park" WHERE "id" = ${park} OR "slug" = ${park}
    ORDER BY ("id" = ${park}) DESC LIMIT 1)`;
  const [buildingRows, unitRows] = await Promise.all([
    db.$queryRaw<BuildingRow[]>`
      WITH sums AS (
        SELECT u."buildingId", count(*)::int AS "unitCount", ${areaSumsSql("u")}
        FROM "Unit" u WHERE u."parkId" = ${parkOf} GROUP BY u."buildingId"
      )
      SELECT p."id" AS "parkId", p."slug" AS "parkSlug", p."name" AS "parkName", p."nameEn" AS "parkNameEn",
        b."id", b."name", b."nameEn", b."kind"::text AS "kind", b."factoryType"::text AS "factoryType", b."storeys",
        s."unitCount", COALESCE(s."total", 0) AS "total", COALESCE(s."vacant", 0) AS "vacant",
        COALESCE(s."held", 0) AS "held", COALESCE(s."signed", 0) AS "signed",
        COALESCE(s."occupied", 0) AS "occupied", COALESCE(s."unavailable", 0) AS "unavailable"
      FROM "Park" p
      LEFT JOIN "Building" b ON b."parkId" = p."id"
      LEFT JOIN sums s ON s."buildingId" = b."id"
      WHERE p."id" = ${parkOf}
      ORDER BY b."position", b."name", b."id"`,
    db.$queryRaw<UnitRow[]>`
      SELECT u."id", u."buildingId", u."floor", u."number", u."area"::text AS "area", u."areaUnit"::text AS "areaUnit",
        u."areaSqm"::float8 AS "areaSqm", u."status"::text AS "status", u."statusChangedAt", u."heldUntil",
        h."name" AS "holderName",
        (u."status" = 'HELD' AND (${managesInventory(reader)} OR u."heldById" = ${reader.id}
          OR l."ownerId" = ${reader.id})) AS "mayChangeHold",
        u."listPrice"::text AS "listPrice", u."priceUnit"::text AS "priceUnit",
        ${seesFloorPrice(reader) ? Prisma.sql`u."floorPrice"::text` : Prisma.sql`NULL::text`} AS "floorPrice",
        u."listingId", l."id" AS "leadId", l."company", ${workableLeadSql(reader, "l")} AS "leadOpen"
      FROM "Unit" u
      JOIN "Building" b ON b."id" = u."buildingId"
      LEFT JOIN "Lead" l ON l."id" = u."leadId"
      LEFT JOIN "User" h ON h."id" = u."heldById"
      WHERE u."parkId" = ${parkOf}
        ${view.kind ? Prisma.sql`AND b."kind" = ${view.kind}::"ListingKind"` : Prisma.empty}
        ${view.minArea !== undefined ? Prisma.sql`AND u."areaSqm" >= ${view.minArea}::numeric` : Prisma.empty}
        ${view.maxArea !== undefined ? Prisma.sql`AND u."areaSqm" <= ${view.maxArea}::numeric` : Prisma.empty}
        ${view.status?.length ? Prisma.sql`AND u."status"::text = ANY(${view.status}::text[])` : Prisma.empty}
      ORDER BY u."floor" DESC NULLS LAST, length(u."number"), u."number", u."id"`,
  ]);
  const [first] = buildingRows;
  if (!first) return null;

  const floorsOf = new Map<string, GridFloor[]>();
  let shownArea = 0;
  for (const row of unitRows) {
    const unit = gridUnit(row, seesFloorPrice(reader));
    shownArea += Math.round(unit.areaSqm * 100);
    const floors = floorsOf.get(row.buildingId) ?? [];
    if (!floorsOf.has(row.buildingId)) floorsOf.set(row.buildingId, floors);
    const last = floors.at(-1);
    if (last && last.floor === unit.floor) last.units.push(unit);
    else floors.push({ floor: unit.floor, units: [unit] });
  }

  const all = buildingRows.filter((row): row is BuildingRow & { id: string } => row.id !== null);
  const narrowed = narrowsUnits(view);
  const buildings = all
    .filter((row) => (!view.kind || row.kind === view.kind) && (!narrowed || floorsOf.has(row.id)))
    .map((row): GridBuilding => ({
      id: row.id,
      name: row.name,
      nameEn: row.nameEn,
      kind: row.kind,
      factoryType: row.factoryType,
      storeys: row.storeys,
      totals: totalsOf(row),
      unitCount: row.unitCount ?? 0,
      floors: floorsOf.get(row.id) ?? [],
    }));
  return {
    park: { id: first.parkId, slug: first.parkSlug, name: first.parkName, nameEn: first.parkNameEn },
    buildings,
    totals: addTotals(all),
    shown: { units: unitRows.length, areaSqm: shownArea / 100 },
  };
}

function gridUnit(row: UnitRow, withFloorPrice: boolean): GridUnit {
  const { buildingId: _building, leadId, company, leadOpen, floorPrice, ...unit } = row;
  return {
    ...unit,
    lead: leadId ? { id: leadId, company: company ?? "", mayOpen: Boolean(leadOpen) } : null,
    ...(withFloorPrice ? { floorPrice } : {}),
  };
}

/** The parks the grid can show, for its picker: the viewer's own parks (as owner) first, then by name. */
export async function inventoryParks(db: Database, viewer: Viewer | null) {
  assertRole(viewer, INVENTORY_READERS, "read the inventory");
  const reader = viewer;
  const parks = await db.park.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, name: true, nameEn: true, ownerId: true },
  });
  const own = parks.filter((park) => park.ownerId === reader.id);
  return [...own, ...parks.filter((park) => park.ownerId !== reader.id)].map(({ ownerId: _owner, ...park }) => park);
}
