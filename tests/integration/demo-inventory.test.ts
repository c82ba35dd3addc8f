import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { shanghaiDayBounds } from "@/lib/calendar/shanghai-time";
import type { Database } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { seedDemoWorkspace } from "@/lib/demo/seed";
import { removeDemoData } from "@/lib/demo/remove/mutations";
import { parkAvailability } from "@/lib/inventory/park-availability";
import { searchListings } from "@/lib/listings/queries";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

/*
 * The demo's inventory: 中南高科·平湖科创智谷 as the seed page tells it (18 独栋 buildings, 4.3 万 m² built,
 * 1.37 万 m² free, 13 companies in, 8 of them high-tech), every unit's history consistent with where it
 * stands, listings in line with their units; and the demo's removal gives every unit back, vacant.
 */

const NOW = new Date("2026-12-07T03:30:00Z");
const DAY = 86_400_000;
const VALLEY = "pinghu-zhangjiang";

async function adminOf(db: Database): Promise<Viewer> {
  const email = `demo-inventory-admin-${process.pid}@park.test`;
  const user = await db.user.create({ data: { email, name: "管理员", role: "ADMIN", passwordHash: "unused" } });
  return { id: user.id, email, name: user.name, role: "ADMIN" };
}

const sqm = (rows: { areaSqm: { toString(): string } }[]) => rows.reduce((sum, row) => sum + Number(row.areaSqm), 0);

function demoInventorySuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let admin: Viewer;
  const db = () => opened.db;
  const valleyUnits = () =>
    db().unit.findMany({
      where: { park: { slug: VALLEY } },
      select: { id: true, parkId: true, status: true, areaSqm: true, leadId: true, heldUntil: true, heldById: true },
    });

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    admin = await adminOf(db());
  }, 120_000);
  afterAll(() => cleanup?.());

  it("[SYSTEM] seeds the parks with every unit vacant, each listing offering its building whole", async () => {
    const units = await valleyUnits();
    expect(units.every((unit) => unit.status === "VACANT" && unit.leadId === null)).toBe(true);
    expect(await db().building.count({ where: { park: { slug: VALLEY } } })).toBe(18);
    expect(sqm(units)).toBe(43_000);
    const listings = await db().listing.findMany({ select: { area: true, availableArea: true, _count: true } });
    expect(listings.every((listing) => listing._count.units > 0)).toBe(true);
  });

  it("[SYSTEM] lets, sells and holds the valley's units: 4.3 万 m² built, 1.37 万 m² free, 13 companies in, 8 high-tech", async () => {
    expect(await seedDemoWorkspace(db(), NOW)).toBe("seeded");
    const units = await valleyUnits();
    expect(sqm(units)).toBe(43_000);
    expect(sqm(units.filter((unit) => unit.status === "VACANT"))).toBe(13_700);
    expect(units.some((unit) => unit.status === "UNAVAILABLE")).toBe(false);
    expect((await parkAvailability(db())).get(units[0].parkId)).toEqual({ free: 13_700, total: 43_000 });

    const occupied = [...new Set(units.filter((unit) => unit.status === "OCCUPIED").map((unit) => unit.leadId))];
    expect(occupied).toHaveLength(13);
    const tenants = await db().lead.findMany({
      where: { id: { in: occupied as string[] } },
      select: { stageKey: true, notes: true, demo: true, signedArea: true, units: { select: { areaSqm: true } } },
    });
    expect(tenants.every((lead) => lead.stageKey === "signed" && lead.demo)).toBe(true);
    expect(tenants.filter((lead) => lead.notes?.includes("国家高新技术企业"))).toHaveLength(8);
    // The signed area is the area of the units signed for.
    for (const lead of tenants) expect(Number(lead.signedArea)).toBe(sqm(lead.units));
    // One more signed and fitting out: taken, but not counted among the companies in.
    expect(units.filter((unit) => unit.status === "SIGNED").length).toBeGreaterThan(0);
  });

  it("[SYSTEM] holds units for open leads until the coming days, one hold ending tomorrow, each with its hold row", async () => {
    const held = (await valleyUnits()).filter((unit) => unit.status === "HELD");
    expect(held.length).toBeGreaterThanOrEqual(3);
    const tomorrow = shanghaiDayBounds(new Date(NOW.getTime() + DAY));
    expect(held.some((unit) => unit.heldUntil! >= tomorrow.start && unit.heldUntil! < tomorrow.end)).toBe(true);
    expect(held.every((unit) => unit.heldUntil! > NOW && unit.heldUntil! < new Date(NOW.getTime() + 8 * DAY))).toBe(
      true,
    );
    const holders = await db().lead.findMany({
      where: { id: { in: held.map((unit) => unit.leadId!) } },
      select: { stage: { select: { category: true } } },
    });
    expect(holders.every((lead) => lead.stage.category === "OPEN")).toBe(true);
    const holds = await db().unitHold.findMany({
      where: { unitId: { in: held.map((unit) => unit.id) }, endedAt: null },
    });
    expect(holds.map((hold) => hold.unitId).sort()).toEqual(held.map((unit) => unit.id).sort());
    // The held listing reads 洽谈中 (RESERVED) and stays in the catalogue.
    const d2 = await db().listing.findFirstOrThrow({
      where: { title: { contains: "D2" } },
      select: { id: true, status: true },
    });
    expect(d2.status).toBe("RESERVED");
    expect((await searchListings(db(), { park: VALLEY })).listings.some((card) => card.id === d2.id)).toBe(true);
    // Holds of the past: one ran out, one ended with its lead's loss.
    const ended = await db().unitHold.groupBy({ by: ["endReason"], where: { endedAt: { not: null } }, _count: true });
    expect(ended.map((row) => row.endReason).sort()).toEqual(["EXPIRED", "LEAD_LOST"]);
  });

  it("[SYSTEM] dates every unit's history from its handover, in order, ending where the unit stands", async () => {
    const units = await db().unit.findMany({
      select: {
        status: true,
        statusChangedAt: true,
        statusChanges: { orderBy: { changedAt: "asc" }, select: { fromStatus: true, toStatus: true, changedAt: true } },
      },
    });
    for (const unit of units) {
      const history = unit.statusChanges;
      expect(history[0]).toMatchObject({ fromStatus: null, toStatus: "VACANT" });
      for (let index = 1; index < history.length; index++)
        expect(history[index].fromStatus).toBe(history[index - 1].toStatus);
      expect(history.at(-1)!.toStatus).toBe(unit.status);
      expect(history.at(-1)!.changedAt).toEqual(unit.statusChangedAt);
      expect(history.every((change) => change.changedAt <= NOW)).toBe(true);
    }
    // Occupancy grew over the last 18 months: the first signing more than a year ago.
    const firstSigning = await db().unitStatusChange.findFirstOrThrow({
      where: { toStatus: "SIGNED" },
      orderBy: { changedAt: "asc" },
    });
    expect(firstSigning.changedAt.getTime()).toBeLessThan(NOW.getTime() - 365 * DAY);
  });

  it("[SYSTEM] keeps every listing in line with its units", async () => {
    const listings = await db().listing.findMany({
      select: { availableArea: true, areaUnit: true, units: { select: { area: true, status: true } } },
    });
    for (const listing of listings) {
      const free = listing.units.filter((unit) => unit.status === "VACANT");
      expect(Number(listing.availableArea)).toBeCloseTo(
        free.reduce((sum, unit) => sum + Number(unit.area), 0),
        2,
      );
    }
  });

  it("[ADMIN] removing the demo gives every unit back, vacant, with its hold rows gone and the history kept", async () => {
    const before = await db().unitStatusChange.count();
    const taken = (await db().unit.findMany({ where: { leadId: { not: null } }, select: { id: true } })).length;
    expect(await removeDemoData(db(), admin, { confirm: true })).toMatchObject({ ok: true });
    expect(await db().unit.count({ where: { OR: [{ status: { not: "VACANT" } }, { leadId: { not: null } }] } })).toBe(
      0,
    );
    expect(await db().unitHold.count()).toBe(0);
    expect(await db().unitStatusChange.count()).toBe(before + taken);
    expect(await db().listing.count({ where: { status: { not: "AVAILABLE" } } })).toBe(0);
    const parkId = (await db().park.findUniqueOrThrow({ where: { slug: VALLEY } })).id;
    expect((await parkAvailability(db())).get(parkId)).toEqual({ free: 43_000, total: 43_000 });
    expect(await db().building.count({ where: { park: { slug: VALLEY } } })).toBe(18);
  });
}

describe("demo inventory on PGlite", () => demoInventorySuite(() => openTestPglite({ seedDemo: true })));
describeOnPostgres("demo inventory on PostgreSQL", () =>
  demoInventorySuite(() => openTestPostgres({ seedDemo: true })),
);
