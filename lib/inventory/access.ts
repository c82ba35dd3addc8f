import type { Role } from "../auth/schema";
import type { Viewer } from "../auth/session";

/*
 * Who may see and do what in the inventory (租控). Every officer reads the grid and holds units for
 * the leads they may work; the asset register (buildings, units, list prices, 不可租售) and the floor
 * price are for managers and admins. Queries leave floorPrice out for anyone else, so it never
 * reaches their pages, exports or the API.
 */
export const INVENTORY_READERS: readonly Role[] = ["STAFF", "MANAGER", "ADMIN"];
/** Hold, renew within the limit, release their own holds, sign and move in through their leads. */
export const INVENTORY_HOLDERS: readonly Role[] = ["STAFF", "MANAGER", "ADMIN"];
/** Edit buildings and units, set 不可租售, renew beyond the limit, release anyone's hold. */
export const INVENTORY_MANAGERS: readonly Role[] = ["MANAGER", "ADMIN"];

export function managesInventory(viewer: Viewer): boolean {
  return INVENTORY_MANAGERS.includes(viewer.role);
}

/** 底价 is shown to, and set by, managers and admins only. */
export function seesFloorPrice(viewer: Viewer): boolean {
  return managesInventory(viewer);
}
