import "server-only";
import { Prisma } from "../../db/generated/client";
import type { Database } from "../../db/client";
import type { AreaUnit, PriceUnit } from "../../db/generated/enums";
import type { Viewer } from "../../auth/session";
import { managesInventory, seesFloorPrice } from "../access";
import { workableLeadSql } from "../holds/lead-scope";
import type { UnitStatus } from "../types";
import type { InventoryFilter } from "./schema";

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

/** One unit as the statement sends it: an array in this order, so 20,000 units travel as one compact text. */
type Cell = [
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

/**
 * The units of a park the filter shows, each with its building's id, in a building's reading order: top floor
 * first, floor-less units last, then by number ("9" before "10"). The rows are aggregated into one JSON text in
 * the database: read row by row, the driver's per-column work took most of the time for a large park. Times
 * travel as epoch milliseconds (the columns hold UTC). The floor price is read only for a viewer who may see it.
 */
export async function unitsOfPark(
  db: Database,
  viewer: Viewer,
  parkOf: Prisma.Sql,
  view: InventoryFilter,
): Promise<(GridUnit & { buildingId: string })[]> {
  const floorPrice = seesFloorPrice(viewer);
  const [{ cells }] = await db.$queryRaw<{ cells: string }[]>`
    SELECT COALESCE(json_agg(json_build_array(
      u."id", u."buildingId", u."floor", u."number", u."area"::text, u."areaUnit", u."areaSqm"::float8, u."status",
      (extract(epoch FROM u."statusChangedAt") * 1000)::float8, (extract(epoch FROM u."heldUntil") * 1000)::float8,
      h."name",
      (u."status" = 'HELD' AND (${managesInventory(viewer)} OR u."heldById" = ${viewer.id}
        OR l."ownerId" = ${viewer.id})),
      u."listPrice"::text, u."priceUnit", ${floorPrice ? Prisma.sql`u."floorPrice"::text` : Prisma.sql`NULL::text`},
      u."listingId", l."id", l."company", ${workableLeadSql(viewer, "l")}
    ) ORDER BY u."floor" DESC NULLS LAST, length(u."number"), u."number", u."id"), '[]')::text AS "cells"
    FROM "Unit" u
    JOIN "Building" b ON b."id" = u."buildingId"
    LEFT JOIN "Lead" l ON l."id" = u."leadId"
    LEFT JOIN "User" h ON h."id" = u."heldById"
    WHERE u."parkId" = ${parkOf}
      ${view.kind ? Prisma.sql`AND b."kind" = ${view.kind}::"ListingKind"` : Prisma.empty}
      ${view.minArea !== undefined ? Prisma.sql`AND u."areaSqm" >= ${view.minArea}::numeric` : Prisma.empty}
      ${view.maxArea !== undefined ? Prisma.sql`AND u."areaSqm" <= ${view.maxArea}::numeric` : Prisma.empty}
      ${view.status?.length ? Prisma.sql`AND u."status"::text = ANY(${view.status}::text[])` : Prisma.empty}`;
  return (JSON.parse(cells) as Cell[]).map((cell) => {
    const [id, buildingId, floor, number, area, areaUnit, areaSqm, status, changedAt, heldUntil, holderName] = cell;
    const [, , , , , , , , , , , mayChangeHold, listPrice, priceUnit, price, listingId, leadId, company, open] = cell;
    return {
      id,
      buildingId,
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
      ...(floorPrice ? { floorPrice: price } : {}),
      listingId,
    };
  });
}
