import "server-only";
import type { Database } from "../db/client";
import { areaSumsSql, totalsOf, type AreaSums } from "./totals";

/** A park's live availability in m², for the public catalogue: the vacant area over the area on offer at all. */
export interface ParkAvailability {
  free: number;
  total: number;
}

/**
 * Every unit of each park counts, listed or not, so the figures are the park's own: 招商总面积 less 不可租售 (left
 * out of both), land plots by their area in m². Public: no lead, price or floor price is read. A park without
 * units is absent from the map.
 */
export async function parkAvailability(db: Database, parkId?: string): Promise<Map<string, ParkAvailability>> {
  const rows = await db.$queryRaw<(AreaSums & { parkId: string })[]>`
    SELECT u."parkId", ${areaSumsSql("u")} FROM "Unit" u
    WHERE ${parkId ?? null}::text IS NULL OR u."parkId" = ${parkId ?? null}::text
    GROUP BY u."parkId"`;
  return new Map(
    rows.map(({ parkId: id, ...sums }) => {
      const totals = totalsOf(sums);
      return [id, { free: totals.vacant, total: Math.round((totals.total - totals.unavailable) * 100) / 100 }];
    }),
  );
}

/** One park's availability, for its listings' pages; null when it has no units. */
export async function parkAvailabilityOf(db: Database, parkId: string): Promise<ParkAvailability | null> {
  return (await parkAvailability(db, parkId)).get(parkId) ?? null;
}
