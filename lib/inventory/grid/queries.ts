import "server-only";
import { Prisma } from "../../db/generated/client";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { FactoryType } from "../../db/generated/enums";
import { INVENTORY_READERS } from "../access";
import { addTotals, areaSumsSql, totalsOf, type AreaSums, type AreaTotals } from "../totals";
import { cellBuilding, type Cell, type GridUnit } from "./cell";
import { cellsOfPark, unitFilterSql } from "./cells";
import { inventoryFilterSchema, narrowsUnits, type BuildingKind, type InventoryFilter } from "./schema";

export type { Cell, GridUnit } from "./cell";

/**
 * The cells the page renders itself (the first buildings' up to this many); the browser fetches the rest
 * (parkCells), so a park of 20,000 units renders well within 300 ms.
 */
export const RENDERED_CELLS = 1500;

/** A row of a building's block: a floor (top first), or the units without one (land plots, whole buildings). */
export interface GridFloor {
  floor: number | null;
  units: GridUnit[];
}

/** A building's header on the board: what it is and its figures, with or without its units. */
export interface BuildingHead {
  id: string;
  name: string;
  nameEn: string;
  kind: BuildingKind;
  factoryType: FactoryType | null;
  storeys: number | null;
  /** every unit of the building, whatever the filter shows */
  totals: AreaTotals;
  unitCount: number;
}

export interface GridBuilding extends BuildingHead {
  floors: GridFloor[];
}

/**
 * A building as the page sends it: its header, how many rows (floors) the filter shows, and the cells the filter
 * shows (cell.ts), or null when they were left for the browser to fetch (parkCells).
 */
export interface BoardBuilding {
  head: BuildingHead;
  rows: number;
  cells: Cell[] | null;
}

export interface ParkInventory<B = GridBuilding> {
  park: { id: string; slug: string; name: string; nameEn: string };
  /** the buildings the filter shows, in the park's order */
  buildings: B[];
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
  shownUnits: number;
  shownArea: number;
  rows: number;
};

const parkOfSql = (park: string) => Prisma.sql`(SELECT "id" FROM "Park" WHERE "id" = ${park} OR "slug" = ${park}
    ORDER BY ("id" = ${park}) DESC LIMIT 1)`;

/**
 * One park's 租控表 as the page renders it: its buildings in the park's order, each with its figures and, for the
 * first buildings whose units the filter shows fit within `budget` cells (always the first), its cells (cell.ts)
 * in reading order, who holds or has each and until when; the others' cells are left to parkCells. Totals per
 * building and for the park from lib/inventory/totals.ts, of all their units whatever the filter. `park` is
 * the park's slug or id; null when there is no such park. Two statements whatever the park's size: the
 * buildings with their sums and what the filter shows of them, then the cells of those rendered.
 * The floor price is read only for a viewer who may see it.
 */
export async function parkBoard(
  db: Database,
  viewer: Viewer | null,
  park: string,
  filter: InventoryFilter = {},
  budget = Infinity,
): Promise<ParkInventory<BoardBuilding> | null> {
  assertRole(viewer, INVENTORY_READERS, "read the inventory");
  const view = inventoryFilterSchema.parse(filter);
  const parkOf = parkOfSql(park);
  const shows = unitFilterSql(view);
  const buildingRows = await db.$queryRaw<BuildingRow[]>`
    WITH sums AS (
      SELECT u."buildingId", count(*)::int AS "unitCount", ${areaSumsSql("u")},
        count(*) FILTER (WHERE TRUE ${shows})::int AS "shownUnits",
        COALESCE(sum(u."areaSqm") FILTER (WHERE TRUE ${shows}), 0)::float8 AS "shownArea",
        count(DISTINCT u."floor") FILTER (WHERE TRUE ${shows})::int
          + (count(*) FILTER (WHERE u."floor" IS NULL ${shows}) > 0)::int AS "rows"
      FROM "Unit" u WHERE u."parkId" = ${parkOf} GROUP BY u."buildingId"
    )
    SELECT p."id" AS "parkId", p."slug" AS "parkSlug", p."name" AS "parkName", p."nameEn" AS "parkNameEn",
      b."id", b."name", b."nameEn", b."kind"::text AS "kind", b."factoryType"::text AS "factoryType", b."storeys",
      s."unitCount", COALESCE(s."total", 0) AS "total", COALESCE(s."vacant", 0) AS "vacant",
      COALESCE(s."held", 0) AS "held", COALESCE(s."signed", 0) AS "signed",
      COALESCE(s."occupied", 0) AS "occupied", COALESCE(s."unavailable", 0) AS "unavailable",
      COALESCE(s."shownUnits", 0) AS "shownUnits", COALESCE(s."shownArea", 0) AS "shownArea",
      COALESCE(s."rows", 0) AS "rows"
    FROM "Park" p
    LEFT JOIN "Building" b ON b."parkId" = p."id"
    LEFT JOIN sums s ON s."buildingId" = b."id"
    WHERE p."id" = ${parkOf}
    ORDER BY b."position", b."name", b."id"`;
  const [first] = buildingRows;
  if (!first) return null;

  const all = buildingRows.filter((row): row is BuildingRow & { id: string } => row.id !== null);
  const narrowed = narrowsUnits(view);
  const shown = all.filter((row) => (!view.kind || row.kind === view.kind) && (!narrowed || row.shownUnits > 0));
  let used = 0;
  const rendered = new Set<string>();
  for (const row of shown) {
    if (used > 0 && used + row.shownUnits > budget) break;
    used += row.shownUnits;
    rendered.add(row.id);
  }
  const cells =
    rendered.size === 0
      ? []
      : (JSON.parse(
          await cellsOfPark(db, viewer!, parkOf, view, rendered.size === shown.length ? undefined : [...rendered]),
        ) as Cell[]);
  const cellsOf = new Map<string, Cell[]>([...rendered].map((id) => [id, []]));
  for (const cell of cells) cellsOf.get(cellBuilding(cell))?.push(cell);

  return {
    park: { id: first.parkId, slug: first.parkSlug, name: first.parkName, nameEn: first.parkNameEn },
    buildings: shown.map((row) => ({
      head: {
        id: row.id,
        name: row.name,
        nameEn: row.nameEn,
        kind: row.kind,
        factoryType: row.factoryType,
        storeys: row.storeys,
        totals: totalsOf(row),
        unitCount: row.unitCount ?? 0,
      },
      rows: row.rows,
      cells: cellsOf.get(row.id) ?? null,
    })),
    totals: addTotals(all),
    shown: {
      units: shown.reduce((sum, row) => sum + row.shownUnits, 0),
      areaSqm: Math.round(shown.reduce((sum, row) => sum + row.shownArea, 0) * 100) / 100,
    },
  };
}

/**
 * The cells (cell.ts) of every unit of a park the filter shows, as one JSON text straight from the database:
 * what the 租控表 fetches for the buildings its page left without cells. `park` is the park's slug or id; null
 * when there is no such park. The floor price only for a viewer who may see it.
 */
export async function parkCells(
  db: Database,
  viewer: Viewer | null,
  park: string,
  filter: InventoryFilter = {},
): Promise<string | null> {
  assertRole(viewer, INVENTORY_READERS, "read the inventory");
  const view = inventoryFilterSchema.parse(filter);
  const parkOf = parkOfSql(park);
  const [cells, [exists]] = await Promise.all([
    cellsOfPark(db, viewer, parkOf, view),
    db.$queryRaw<{ id: string }[]>`SELECT ${parkOf} AS "id"`,
  ]);
  return exists?.id ? cells : null;
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
