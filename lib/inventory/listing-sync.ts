import "server-only";
import type { Prisma } from "../db/generated/client";

type Writer = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Brings each listing's area, available area and status into line with its units, in the caller's
 * transaction: the figures are never typed in. Area is summed in 亩 when every unit is a land plot
 * in 亩, else in m². Status: any vacant unit → AVAILABLE; else any held or unavailable → RESERVED;
 * else (all signed or occupied) SOLD for a sale, LEASED for a lease. A listing with no units keeps
 * what it has. Call it after every change of a unit's status, area or listing (both listings when a
 * unit moves between them).
 */
export async function syncListings(tx: Writer, listingIds: readonly (string | null | undefined)[]): Promise<void> {
  const ids = [...new Set(listingIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Listing" l SET
      "areaUnit" = CASE WHEN u.mu THEN 'MU'::"AreaUnit" ELSE 'SQM'::"AreaUnit" END,
      "area" = CASE WHEN u.mu THEN u.area ELSE u.sqm END,
      "availableArea" = CASE WHEN u.mu THEN u.free_area ELSE u.free_sqm END,
      "areaSqm" = u.sqm,
      "status" = CASE
        WHEN u.vacant THEN 'AVAILABLE'::"ListingStatus"
        WHEN u.reserved THEN 'RESERVED'::"ListingStatus"
        WHEN l."deal" = 'SALE' THEN 'SOLD'::"ListingStatus"
        ELSE 'LEASED'::"ListingStatus" END,
      "updatedAt" = CURRENT_TIMESTAMP
    FROM (
      SELECT "listingId",
        bool_and("areaUnit" = 'MU') AS mu,
        sum("area") AS area,
        sum("areaSqm") AS sqm,
        COALESCE(sum("area") FILTER (WHERE "status" = 'VACANT'), 0) AS free_area,
        COALESCE(sum("areaSqm") FILTER (WHERE "status" = 'VACANT'), 0) AS free_sqm,
        bool_or("status" = 'VACANT') AS vacant,
        bool_or("status" IN ('HELD', 'UNAVAILABLE')) AS reserved
      FROM "Unit" WHERE "listingId" = ANY(${ids}::text[]) GROUP BY "listingId"
    ) u
    WHERE l."id" = u."listingId"`;
}
