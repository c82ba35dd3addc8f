import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OpenedDatabase } from "@/lib/db/open";
import { expireHolds } from "@/lib/inventory/holds/expiry";
import { holdUnits, renewHold } from "@/lib/inventory/holds/mutations";
import { createHoldExpiryRunner } from "@/lib/inventory/holds/runner";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { listingFigures, makeHoldPark, makeLead } from "../support/inventory-fixtures";

/*
 * Holds expire by the scheduler's sweep, never by a page visit: a hold whose time is up is released
 * with nothing but the runner running, two sweeps at once release it once, and a renewed hold stands.
 */
const DAY_MS = 86_400_000;

function expirySuite(open: () => Promise<TestDatabase>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
  });
  afterAll(async () => {
    await cleanup();
  });

  it("releases a hold whose expiry passed with only the runner running, and tells the holder", async () => {
    const db = opened.db;
    const park = await makeHoldPark(db, 2);
    const leadId = await makeLead(db, { ownerId: park.staff.id });
    const held = await holdUnits(db, park.staff, { leadId, unitIds: park.unitIds });
    expect(held.ok).toBe(true);
    const later = new Date(Date.now() + 8 * DAY_MS);
    // Before the expiry the sweep leaves it alone.
    expect(await createHoldExpiryRunner(db, { clock: () => new Date() }).sweep()).toBe(0);

    const runner = createHoldExpiryRunner(db, { pollMs: 50, clock: () => later });
    runner.start();
    try {
      await vi.waitFor(
        async () => expect(await db.unit.count({ where: { id: { in: park.unitIds }, status: "VACANT" } })).toBe(2),
        {
          timeout: 10_000,
          interval: 50,
        },
      );
    } finally {
      await runner.stop();
    }
    expect(await db.unit.findUniqueOrThrow({ where: { id: park.unitIds[0] } })).toMatchObject({
      status: "VACANT",
      leadId: null,
      heldUntil: null,
      heldById: null,
    });
    const holds = await db.unitHold.findMany({ where: { leadId } });
    expect(holds.map((hold) => hold.endReason)).toEqual(["EXPIRED", "EXPIRED"]);
    expect(holds[0].endedAt?.getTime()).toBe(later.getTime());
    const told = await db.outboxEvent.findMany({ where: { kind: "unit.hold_expired", leadId } });
    expect(told.map((event) => (event.data as { holdId: string }).holdId).sort()).toEqual(
      holds.map((hold) => hold.id).sort(),
    );
    const history = await db.unitStatusChange.findFirstOrThrow({
      where: { unitId: park.unitIds[0], toStatus: "VACANT" },
    });
    expect(history).toMatchObject({ fromStatus: "HELD", actorId: null });
    expect(await listingFigures(db, park.listingId)).toEqual({ status: "AVAILABLE", free: "2000", area: "2000" });
  });

  it("releases each unit once when two sweeps run at once", async () => {
    const db = opened.db;
    const park = await makeHoldPark(db, 4);
    const leadId = await makeLead(db, { ownerId: park.staff.id });
    await holdUnits(db, park.staff, { leadId, unitIds: park.unitIds.slice(0, 3) });
    const later = new Date(Date.now() + 8 * DAY_MS);
    const renewedLead = await makeLead(db, { ownerId: park.staff.id });
    await holdUnits(db, park.staff, { leadId: renewedLead, unitIds: [park.unitIds[3]] });
    // Renewed from now, it is still over by `later`: the sweep takes it with the rest.
    expect((await renewHold(db, park.staff, { unitId: park.unitIds[3] })).ok).toBe(true);
    const sweeps = await Promise.all([expireHolds(db, later), expireHolds(db, later)]);
    expect(sweeps.reduce((sum, count) => sum + count, 0)).toBe(4);
    for (const unitId of park.unitIds) {
      expect(await db.unitStatusChange.count({ where: { unitId, toStatus: "VACANT" } })).toBe(1);
      expect(await db.unitHold.count({ where: { unitId, endReason: "EXPIRED" } })).toBe(1);
    }
    expect(
      await db.outboxEvent.count({ where: { kind: "unit.hold_expired", leadId: { in: [leadId, renewedLead] } } }),
    ).toBe(4);
    expect(await expireHolds(db, later)).toBe(0);
  });

  it("keeps a hold renewed before the sweep", async () => {
    const db = opened.db;
    const park = await makeHoldPark(db, 1);
    const leadId = await makeLead(db, { ownerId: park.staff.id });
    await holdUnits(db, park.staff, { leadId, unitIds: park.unitIds });
    const sixDaysOn = new Date(Date.now() + 6 * DAY_MS);
    expect(await expireHolds(db, sixDaysOn)).toBe(0);
    const renewed = await renewHold(db, park.staff, { unitId: park.unitIds[0] });
    if (!renewed.ok) throw new Error("renew refused");
    expect(await expireHolds(db, new Date(renewed.expiresAt.getTime() - 1))).toBe(0);
    expect(await db.unit.findUniqueOrThrow({ where: { id: park.unitIds[0] } })).toMatchObject({
      status: "HELD",
      leadId,
    });
    expect(await expireHolds(db, renewed.expiresAt)).toBe(1);
  });
}

describe("hold expiry (PGlite)", () => expirySuite(openTestPglite));
describeOnPostgres("hold expiry (PostgreSQL)", () => expirySuite(() => openTestPostgres({ poolSize: 4 })));
