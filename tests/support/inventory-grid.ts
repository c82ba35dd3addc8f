import type { Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import { seesFloorPrice } from "@/lib/inventory/access";
import { floorsOfCells, unitOfCell } from "@/lib/inventory/grid/cell";
import { parkBoard, type ParkInventory } from "@/lib/inventory/grid/queries";
import type { InventoryFilter } from "@/lib/inventory/grid/schema";

/**
 * One park's whole 租控表 as the reader sees it once every building's cells are mounted: parkBoard with every
 * cell rendered, each building's floors (top first, then the row without a floor) holding its units.
 */
export async function parkInventory(
  db: Database,
  viewer: Viewer | null,
  park: string,
  filter: InventoryFilter = {},
): Promise<ParkInventory | null> {
  const board = await parkBoard(db, viewer, park, filter);
  if (!board) return null;
  const withFloorPrice = viewer !== null && seesFloorPrice(viewer);
  return {
    ...board,
    buildings: board.buildings.map(({ head, cells }) => ({
      ...head,
      floors: floorsOfCells(cells ?? [], (cell) => unitOfCell(cell, withFloorPrice)),
    })),
  };
}
