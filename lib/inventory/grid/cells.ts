import "server-only";
import { Prisma } from "../../db/generated/client";
import type { Database } from "../../db/client";
import type { Viewer } from "../../auth/session";
import { managesInventory, seesFloorPrice } from "../access";
import { workableLeadSql } from "../holds/lead-scope";
import type { InventoryFilter } from "./schema";

/** The units a filter shows, as SQL over "Unit" aliased `u` (the kind is its building's: see cellsOfPark). */
export function unitFilterSql(view: InventoryFilter): Prisma.Sql {
  const min = view.minArea !== undefined ? Prisma.sql`AND u."areaSqm" >= ${view.minArea}::numeric` : Prisma.empty;
  return Prisma.sql`${min}
    ${view.maxArea !== undefined ? Prisma.sql`AND u."areaSqm" <= ${view.maxArea}::numeric` : Prisma.empty}
    ${view.status?.length ? Prisma.sql`AND u."status"::text = ANY(${view.status}::text[])` : Prisma.empty}`;
}

/**
 * The units of a park the filter shows (of the given buildings only, when named) as one JSON text of cells
 * (cell.ts), in a building's reading order: top floor first, floor-less units last, then by number ("9" before
 * "10"). Aggregated in the database: read row by row, the driver's per-column work took most of the time for a
 * large park; the text goes to the browser as it is. Times travel as epoch milliseconds (the columns hold UTC).
 * The floor price is read only for a viewer who may see it.
 */
export async function cellsOfPark(
  db: Database,
  viewer: Viewer,
  parkOf: Prisma.Sql,
  view: InventoryFilter,
  buildingIds?: string[],
): Promise<string> {
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
    LEFT JOIN "Lead" l ON l."id" = u."leadId"
    LEFT JOIN "User" h ON h."id" = u."heldById"
    WHERE u."parkId" = ${parkOf} ${unitFilterSql(view)}
      ${buildingIds ? Prisma.sql`AND u."buildingId" = ANY(${buildingIds}::text[])` : Prisma.empty}
      ${
        view.kind
          ? Prisma.sql`AND u."buildingId" IN (SELECT "id" FROM "Building" WHERE "kind" = ${view.kind}::"ListingKind")`
          : Prisma.empty
      }`;
  return cells;
}
