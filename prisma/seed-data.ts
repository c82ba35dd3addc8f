import type { PrismaClient } from "../lib/db/generated/client";
import { areaInSqm, unitPrice, type AreaUnit, type PriceUnit } from "../lib/listings/units";
import { demoListings, demoParks } from "./demo-listings";

/**
 * Demo parks and listings for a new installation: the seed page's 中南高科·平湖科创智谷 in
 * 张江长三角科技城平湖园 and plausible neighbours. Runs only against a database without parks,
 * so listings a park operator deleted or edited are never brought back.
 */
export async function seedDemoData(db: PrismaClient): Promise<{ seeded: boolean }> {
  return db.$transaction(async (tx) => {
    // Two instances starting together must not both seed.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    if ((await tx.park.count()) > 0) return { seeded: false };
    const parkIds = new Map<string, string>();
    for (const park of demoParks) {
      const created = await tx.park.create({ data: park });
      parkIds.set(park.slug, created.id);
    }
    const now = Date.now();
    for (const [index, { parkSlug, photos, ...listing }] of demoListings.entries()) {
      const areaSqm = areaInSqm(listing.area, listing.areaUnit as AreaUnit);
      await tx.listing.create({
        data: {
          ...listing,
          parkId: parkIds.get(parkSlug)!,
          areaSqm,
          unitPrice: unitPrice(listing.price, listing.priceUnit as PriceUnit, areaSqm),
          // Spread over recent days so "newest" has a stable, meaningful order.
          createdAt: new Date(now - index * 36 * 3600 * 1000),
          photos: { create: photos.map((photo, position) => ({ ...photo, position })) },
        },
      });
    }
    return { seeded: true };
  });
}
