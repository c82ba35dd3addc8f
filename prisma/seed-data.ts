import type { PrismaClient } from "../lib/db/generated/client";
import { newId } from "../lib/db/ids";
import { areaInSqm, unitPrice, type AreaUnit, type PriceUnit } from "../lib/listings/units";
import { demoBuildings } from "./demo-inventory";
import { demoListings, demoParks } from "./demo-listings";

/** The demo parks' buildings were handed over this many days before the seeding: their vacancy is counted from then. */
export const DEMO_INVENTORY_AGE_DAYS = 600;
const DAY = 86_400_000;

/**
 * Demo parks, their buildings and units, and listings for a new installation: the seed page's 中南高科·平湖科创智谷
 * in 张江长三角科技城平湖园 and plausible neighbours. Every unit starts vacant, with its first history row
 * (UnitStatusChange, written here beside the unit: nothing moves yet, so lib/inventory/status.ts has nothing to
 * do); the demo workspace then lets, sells and holds units through moveUnits. Each listing offers one building
 * whole, and its area and availability are its units'. Runs only against a database without parks, so listings
 * a park operator deleted or edited are never brought back.
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
    const handedOver = new Date(now - DEMO_INVENTORY_AGE_DAYS * DAY);
    const buildingIds = new Map<string, string>();
    const unitIds = new Map<string, string[]>();
    const units = [];
    for (const [position, { parkSlug, units: parts, ...building }] of demoBuildings.entries()) {
      const parkId = parkIds.get(parkSlug)!;
      const id = newId(handedOver.getTime());
      buildingIds.set(`${parkSlug}/${building.name}`, id);
      await tx.building.create({ data: { ...building, id, parkId, position, createdAt: handedOver } });
      const ids = parts.map(() => newId(handedOver.getTime()));
      unitIds.set(id, ids);
      units.push(
        ...parts.map((unit, index) => ({
          ...unit,
          id: ids[index],
          buildingId: id,
          parkId,
          areaSqm: areaInSqm(unit.area, unit.areaUnit).toString(),
          statusChangedAt: handedOver,
          createdAt: handedOver,
        })),
      );
    }
    await tx.unit.createMany({ data: units });
    await tx.unitStatusChange.createMany({
      data: units.map((unit) => ({ unitId: unit.id, toStatus: "VACANT" as const, changedAt: handedOver })),
    });

    for (const [index, { parkSlug, building, photos, ...listing }] of demoListings.entries()) {
      const buildingId = buildingIds.get(`${parkSlug}/${building}`)!;
      const offered = units.filter((unit) => unit.buildingId === buildingId);
      const areaUnit = offered[0].areaUnit as AreaUnit;
      const area = offered.reduce((sum, unit) => sum + Number(unit.area), 0).toString();
      const areaSqm = areaInSqm(area, areaUnit);
      const created = await tx.listing.create({
        data: {
          ...listing,
          parkId: parkIds.get(parkSlug)!,
          area,
          availableArea: area,
          areaUnit,
          areaSqm,
          unitPrice: unitPrice(listing.price, listing.priceUnit as PriceUnit, areaSqm),
          // Spread over recent days so "newest" has a stable, meaningful order.
          createdAt: new Date(now - index * 36 * 3600 * 1000),
          photos: { create: photos.map((photo, position) => ({ ...photo, position })) },
        },
        select: { id: true },
      });
      await tx.unit.updateMany({ where: { id: { in: unitIds.get(buildingId)! } }, data: { listingId: created.id } });
    }
    return { seeded: true };
  });
}
