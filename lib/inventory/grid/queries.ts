import "server-only";
import { Prisma } from "../../db/generated/client";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { FactoryType } from "../../db/generated/enums";
import { INVENTORY_READERS } from "../access";
import { addTotals, areaSumsSql, totalsOf, type AreaSums, type AreaTotals } from "../totals";
import { unitsOfPark, type GridUnit } from "./cells";
import { inventoryFilterSchema, narrowsUnits, type BuildingKind, type InventoryFilter } from "./schema";

export type { GridUnit } from "./cells";

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
  const view = inventoryFilterSchema.parse(filter);
  const parkOf = Prisma.sql`(SELECT "id" FROM "Park" WHERE "id" = ${park} OR "slug" = ${park}
    ORDER BY ("id" = ${park}) DESC LIMIT 1)`;
  const [buildingRows, units] = await Promise.all([
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
    unitsOfPark(db, viewer, parkOf, view),
  ]);
  const [first] = buildingRows;
  if (!first) return null;

  const floorsOf = new Map<string, GridFloor[]>();
  let shownArea = 0;
  for (const { buildingId, ...unit } of units) {
    shownArea += Math.round(unit.areaSqm * 100);
    const floors = floorsOf.get(buildingId) ?? [];
    if (!floorsOf.has(buildingId)) floorsOf.set(buildingId, floors);
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
    shown: { units: units.length, areaSqm: shownArea / 100 },
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
