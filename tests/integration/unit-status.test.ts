import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedDatabase } from "@/lib/db/open";
import { moveUnits } from "@/lib/inventory/status";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

/*
 * The one writer of a unit's status (lib/inventory/status.ts): only units still in an allowed status
 * move, each move leaves a history row, and the unit's listing follows (area, available area, status).
 */
function unitStatusSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let parkId: string;
  let listingId: string;
  let leadId: string;
  const unitIds: string[] = [];

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    const db = opened.db;
    const tag = `${process.pid}-${Date.now()}`;
    const park = await db.park.create({
      data: {
        slug: `status-${tag}`,
        name: "状态园",
        nameEn: "Status park",
        city: "嘉兴",
        cityEn: "Jiaxing",
        address: "路",
        addressEn: "Road",
        description: "园",
        descriptionEn: "Park",
        operatorName: "运营",
        contactPhone: "0573-1",
      },
    });
    parkId = park.id;
    const listing = await db.listing.create({
      data: {
        parkId,
        title: "一号楼",
        titleEn: "No. 1",
        kind: "FACTORY",
        deal: "LEASE",
        area: 1,
        availableArea: 1,
        areaUnit: "SQM",
        areaSqm: 1,
        price: 25,
        priceUnit: "YUAN_PER_SQM_MONTH",
        unitPrice: 25,
        description: "d",
        descriptionEn: "d",
      },
    });
    listingId = listing.id;
    const building = await db.building.create({ data: { parkId, name: "1号楼", kind: "FACTORY" } });
    for (const [number, area] of [
      ["101", 1000],
      ["201", 1500],
    ] as const) {
      const unit = await db.unit.create({
        data: {
          buildingId: building.id,
          parkId,
          floor: Number(number[0]),
          number,
          area,
          areaUnit: "SQM",
          areaSqm: area,
          listingId,
        },
      });
      unitIds.push(unit.id);
    }
    const lead = await db.lead.create({
      data: { phone: `139${String(Date.now()).slice(-8)}`, company: "锐精", contactName: "王" },
    });
    leadId = lead.id;
  });
  afterAll(async () => {
    await cleanup();
  });

  it("moves only units still in an allowed status, keeps their history and brings the listing into line", async () => {
    const db = opened.db;
    const now = new Date("2026-12-07T02:00:00.000Z");
    const heldUntil = new Date("2026-12-14T02:00:00.000Z");
    const first = await db.$transaction((tx) =>
      moveUnits(tx, { unitIds, from: ["VACANT"], to: "HELD", leadId, heldUntil, heldById: null, actorId: null, now }),
    );
    expect(first.map((unit) => unit.fromStatus).sort()).toEqual(["VACANT", "VACANT"]);
    const again = await db.$transaction((tx) =>
      moveUnits(tx, { unitIds, from: ["VACANT"], to: "HELD", leadId, heldUntil, actorId: null, now }),
    );
    expect(again).toEqual([]);
    const unit = await db.unit.findUniqueOrThrow({ where: { id: unitIds[0] } });
    expect(unit).toMatchObject({ status: "HELD", leadId, version: 2 });
    expect(unit.heldUntil?.toISOString()).toBe(heldUntil.toISOString());
    expect(unit.statusChangedAt.toISOString()).toBe(now.toISOString());
    let listing = await db.listing.findUniqueOrThrow({ where: { id: listingId } });
    expect({ status: listing.status, area: listing.area.toString(), free: listing.availableArea.toString() }).toEqual({
      status: "RESERVED",
      area: "2500",
      free: "0",
    });

    await db.$transaction((tx) =>
      moveUnits(tx, {
        unitIds: [unitIds[0]],
        from: ["HELD"],
        to: "SIGNED",
        leadId,
        ofLeadId: leadId,
        dealPrices: new Map([[unitIds[0], "23.5"]]),
        actorId: null,
        now,
      }),
    );
    await db.$transaction((tx) =>
      moveUnits(tx, { unitIds: [unitIds[1]], from: ["HELD"], to: "VACANT", leadId: null, actorId: null, now }),
    );
    const signed = await db.unit.findUniqueOrThrow({ where: { id: unitIds[0] } });
    expect({ status: signed.status, price: signed.dealPrice?.toString(), until: signed.heldUntil }).toEqual({
      status: "SIGNED",
      price: "23.5",
      until: null,
    });
    listing = await db.listing.findUniqueOrThrow({ where: { id: listingId } });
    expect({ status: listing.status, free: listing.availableArea.toString() }).toEqual({
      status: "AVAILABLE",
      free: "1500",
    });
    const history = await db.unitStatusChange.findMany({
      where: { unitId: unitIds[0] },
      orderBy: { changedAt: "asc" },
    });
    expect(history.map((row) => [row.fromStatus, row.toStatus])).toEqual([
      ["VACANT", "HELD"],
      ["HELD", "SIGNED"],
    ]);
  });
}

describe("unit status moves (PGlite)", () => unitStatusSuite(openTestPglite));
describeOnPostgres("unit status moves (PostgreSQL)", () => unitStatusSuite(openTestPostgres));
