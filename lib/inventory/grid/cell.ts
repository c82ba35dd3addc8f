import type { AreaUnit, PriceUnit } from "../../db/generated/enums";
import type { UnitStatus } from "../types";

/*
 * A unit of the 租控表 as it travels: one array in a fixed order, built by the database as one JSON text
 * (cells.ts), so a park of 20,000 units reaches the page, and the browser, as one compact string rather
 * than 20,000 objects. Client-safe: the board turns the cells of the buildings it shows into units.
 */

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

/** One unit in the order the statement builds it; the floor price is null for a viewer who may not see it. */
export type Cell = [
  id: string,
  buildingId: string,
  floor: number | null,
  number: string,
  area: string,
  areaUnit: AreaUnit,
  areaSqm: number,
  status: UnitStatus,
  statusChangedAt: number,
  heldUntil: number | null,
  holderName: string | null,
  mayChangeHold: boolean,
  listPrice: string | null,
  priceUnit: PriceUnit | null,
  floorPrice: string | null,
  listingId: string | null,
  leadId: string | null,
  company: string | null,
  leadOpen: boolean | null,
];

export const cellBuilding = (cell: Cell): string => cell[1];
export const cellFloor = (cell: Cell): number | null => cell[2];

/** A cell as a unit; `withFloorPrice` only for a viewer who may see the floor price (the key is absent otherwise). */
export function unitOfCell(cell: Cell, withFloorPrice: boolean): GridUnit {
  const [id, , floor, number, area, areaUnit, areaSqm, status, changedAt, heldUntil, holderName] = cell;
  const [, , , , , , , , , , , mayChangeHold, listPrice, priceUnit, price, listingId, leadId, company, open] = cell;
  return {
    id,
    number,
    floor,
    area,
    areaUnit,
    areaSqm,
    status,
    statusChangedAt: new Date(changedAt),
    lead: leadId ? { id: leadId, company: company ?? "", mayOpen: Boolean(open) } : null,
    heldUntil: heldUntil === null ? null : new Date(heldUntil),
    holderName,
    mayChangeHold,
    listPrice,
    priceUnit,
    ...(withFloorPrice ? { floorPrice: price } : {}),
    listingId,
  };
}

/** A building's rows: its floors top first, then the units without a floor, as the cells come in reading order. */
export function floorsOfCells<T>(cells: Cell[], make: (cell: Cell) => T): { floor: number | null; units: T[] }[] {
  const floors: { floor: number | null; units: T[] }[] = [];
  for (const cell of cells) {
    const last = floors.at(-1);
    if (last && last.floor === cellFloor(cell)) last.units.push(make(cell));
    else floors.push({ floor: cellFloor(cell), units: [make(cell)] });
  }
  return floors;
}
