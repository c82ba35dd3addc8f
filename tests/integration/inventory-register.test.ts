import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import { createBuilding, deleteBuilding, updateBuilding } from "@/lib/inventory/register/mutations";
import { buildingForEdit } from "@/lib/inventory/register/queries";
import {
  addFloorUnits,
  createUnit,
  deleteUnit,
  setUnitAvailability,
  updateUnit,
} from "@/lib/inventory/register/unit-mutations";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makeLead, makeListing, makeUser, unique } from "../support/door-fixtures";
import { syncListings } from "@/lib/inventory/listing-sync";

/*
 * The asset register: managers keep buildings and units; every role reads them, the 底价 only
 * managers and admins; a unit's status moves only through moveUnits, and a listing follows its units.
 */

const buildingInput = (parkId: string, overrides: Record<string, unknown> = {}) => ({
  parkId,
  name: unique("3号楼"),
  nameEn: "Building 3",
  kind: "FACTORY",
  factoryType: "MULTI_STOREY",
  storeys: "4",
  structure: "框架",
  structureEn: "",
  floorHeightM: "5.4",
  floorLoadKgPerSqm: "800",
  powerKva: "630",
  completionYear: "2019",
  propertyTermYears: "50",
  position: "",
  ...overrides,
});

const unitInput = (buildingId: string, overrides: Record<string, unknown> = {}) => ({
  buildingId,
  floor: "2",
  number: "201",
  area: "500",
  areaUnit: "SQM",
  listPrice: "1.2",
  floorPrice: "1.0",
  priceUnit: "YUAN_PER_SQM_DAY",
  ...overrides,
});

function registerSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  let parkId: string;
  const viewers = {} as Record<"staff" | "manager" | "admin", Viewer>;

  async function newBuilding(overrides: Record<string, unknown> = {}) {
    const created = await createBuilding(db, viewers.manager, buildingInput(parkId, overrides));
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    return created;
  }
  async function newUnit(buildingId: string, overrides: Record<string, unknown> = {}) {
    const created = await createUnit(db, viewers.manager, unitInput(buildingId, overrides));
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    return db.unit.findUniqueOrThrow({ where: { id: created.id } });
  }

  /** A listing offering two new vacant units of 500 m² and 700 m², its figures read from them. */
  async function listingOfUnits() {
    const { id } = await newBuilding();
    const units = [await newUnit(id, { number: "101" }), await newUnit(id, { number: "102", area: "700" })];
    const { listing } = await makeListing(db, parkId);
    await db.unit.updateMany({ where: { listingId: listing.id }, data: { listingId: null } });
    await db.unit.updateMany({ where: { buildingId: id }, data: { listingId: listing.id } });
    await syncListings(db, [listing.id]);
    return { listing, units };
  }

  beforeAll(async () => {
    database = await open();
    db = database.opened.db;
    parkId = (await db.park.findFirstOrThrow({ orderBy: { createdAt: "asc" } })).id;
    viewers.staff = await makeUser(db, "STAFF");
    viewers.manager = await makeUser(db, "MANAGER");
    viewers.admin = await makeUser(db, "ADMIN");
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("[MANAGER] adds and edits a building, audited; a name taken in the park or a stale form is refused", async () => {
    const created = await newBuilding();
    const row = await db.building.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ kind: "FACTORY", factoryType: "MULTI_STOREY", storeys: 4, completionYear: 2019 });
    expect(
      await db.auditEntry.findFirstOrThrow({ where: { entityId: created.id, action: "building.create" } }),
    ).toMatchObject({ actorId: viewers.manager.id, details: { building: row.name, storeys: [null, 4] } });

    expect(await createBuilding(db, viewers.manager, buildingInput(parkId, { name: row.name }))).toEqual({
      ok: false,
      fieldErrors: { name: "buildingNameTaken" },
    });
    expect(
      await createBuilding(db, viewers.manager, buildingInput(parkId, { factoryType: "", completionYear: "1800" })),
    ).toEqual({ ok: false, fieldErrors: { factoryType: "choice", completionYear: "tooSmall:1900" } });

    const edit = { ...buildingInput(parkId), id: created.id, updatedAt: created.updatedAt, name: row.name };
    delete (edit as Record<string, unknown>).parkId;
    const saved = await updateBuilding(db, viewers.admin, { ...edit, powerKva: "1250" });
    expect(saved).toMatchObject({ ok: true });
    expect(
      (await db.auditEntry.findFirstOrThrow({ where: { entityId: created.id, action: "building.update" } })).details,
    ).toEqual({ building: row.name, parkId, powerKva: [630, 1250] });
    expect(await updateBuilding(db, viewers.admin, { ...edit, powerKva: "2000" })).toEqual({
      ok: false,
      fieldErrors: { updatedAt: "stale" },
    });
  });

  it("[MANAGER] enters a floor's units at once (301–306 of 500 m²), all or none, each with its first status", async () => {
    const { id } = await newBuilding();
    const floor = { buildingId: id, floor: "3", first: "301", last: "306", area: "500", areaUnit: "SQM" };
    expect(await addFloorUnits(db, viewers.manager, floor)).toEqual({ ok: true, added: 6, buildingId: id });
    const units = await db.unit.findMany({ where: { buildingId: id }, orderBy: { number: "asc" } });
    expect(units.map((unit) => [unit.floor, unit.number, unit.areaSqm.toString(), unit.status])).toEqual(
      ["301", "302", "303", "304", "305", "306"].map((number) => [3, number, "500", "VACANT"]),
    );
    expect(await db.unitStatusChange.count({ where: { unitId: { in: units.map((unit) => unit.id) } } })).toBe(6);
    // 305–308 overlaps: nothing is added.
    expect(await addFloorUnits(db, viewers.manager, { ...floor, first: "305", last: "308" })).toEqual({
      ok: false,
      fieldErrors: { first: "unitNumberTaken" },
    });
    expect(await addFloorUnits(db, viewers.manager, { ...floor, first: "310", last: "309" })).toEqual({
      ok: false,
      fieldErrors: { last: "unitRange" },
    });
    expect(await db.unit.count({ where: { buildingId: id } })).toBe(6);
  });

  it("measures only land in 亩, and a price needs its unit", async () => {
    const { id } = await newBuilding();
    expect(await createUnit(db, viewers.manager, unitInput(id, { areaUnit: "MU" }))).toEqual({
      ok: false,
      fieldErrors: { areaUnit: "muLand" },
    });
    expect(await createUnit(db, viewers.manager, unitInput(id, { priceUnit: "" }))).toEqual({
      ok: false,
      fieldErrors: { priceUnit: "choice" },
    });
    const land = await newBuilding({ kind: "LAND", factoryType: "" });
    const plot = await newUnit(land.id, { floor: "", number: "地块A", area: "30", areaUnit: "MU" });
    expect(plot.areaSqm.toString()).toBe("20000");
  });

  it("shows every role the units, and the 底价 only to managers and admins", async () => {
    const { id } = await newBuilding();
    await newUnit(id);
    const asStaff = await buildingForEdit(db, viewers.staff, id);
    expect(asStaff?.units[0]).toMatchObject({ number: "201", listPrice: "1.2", floorPrice: null });
    expect(JSON.stringify(asStaff)).not.toContain('"1"');
    expect(asStaff).toMatchObject({ manages: false, seesFloorPrice: false });
    expect((await buildingForEdit(db, viewers.manager, id))?.units[0]).toMatchObject({ floorPrice: "1" });
    await expect(createUnit(db, viewers.staff, unitInput(id, { number: "202" }))).rejects.toBeInstanceOf(AccessDenied);
    await expect(createBuilding(db, viewers.staff, buildingInput(parkId))).rejects.toBeInstanceOf(AccessDenied);
    await expect(buildingForEdit(db, null, id)).rejects.toBeInstanceOf(AccessDenied);
  });

  it("[MANAGER] edits a unit's area and its listing's figures follow; an edit over a newer version is stale", async () => {
    const {
      listing,
      units: [unit],
    } = await listingOfUnits();
    // A total price: the comparable 元/m² follows the area.
    await db.listing.update({ where: { id: listing.id }, data: { price: "100", priceUnit: "WAN_TOTAL" } });
    const edit = {
      id: unit.id,
      version: unit.version,
      floor: "",
      number: unit.number,
      area: "4321",
      areaUnit: "SQM",
      listPrice: unit.listPrice?.toString() ?? "",
      floorPrice: "",
      priceUnit: unit.priceUnit ?? "",
    };
    expect(await updateUnit(db, viewers.manager, edit)).toMatchObject({ ok: true });
    const after = await db.listing.findUniqueOrThrow({ where: { id: listing.id } });
    expect([after.area.toString(), after.availableArea.toString(), after.status]).toEqual([
      "5021",
      "5021",
      "AVAILABLE",
    ]);
    expect(after.unitPrice.toString()).toBe("199.16"); // 100 万元 ÷ 5,021 m²
    expect(await updateUnit(db, viewers.manager, { ...edit, area: "1" })).toEqual({
      ok: false,
      fieldErrors: { version: "stale" },
    });
    expect(
      (await db.auditEntry.findFirstOrThrow({ where: { entityId: unit.id, action: "unit.update" } })).details,
    ).toMatchObject({ area: [unit.area.toString(), "4321"] });
  });

  it("[MANAGER] marks a unit 不可租售 and back through the status history; the listing reads reserved meanwhile", async () => {
    const { listing, units } = await listingOfUnits();
    const ids = units.map((unit) => unit.id);
    for (const id of ids)
      expect(await setUnitAvailability(db, viewers.manager, { id, available: false })).toMatchObject({ ok: true });
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).status).toBe("RESERVED");
    expect(await setUnitAvailability(db, viewers.manager, { id: ids[0], available: false })).toEqual({
      ok: false,
      fieldErrors: { id: "unitNotVacant" },
    });
    expect(await setUnitAvailability(db, viewers.admin, { id: ids[0], available: true })).toMatchObject({ ok: true });
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).status).toBe("AVAILABLE");
    const history = await db.unitStatusChange.findMany({ where: { unitId: ids[0] }, orderBy: { changedAt: "asc" } });
    expect(history.slice(-2).map((row) => [row.fromStatus, row.toStatus, row.actorId])).toEqual([
      ["VACANT", "UNAVAILABLE", viewers.manager.id],
      ["UNAVAILABLE", "VACANT", viewers.admin.id],
    ]);
    await expect(setUnitAvailability(db, viewers.staff, { id: ids[0], available: false })).rejects.toBeInstanceOf(
      AccessDenied,
    );
  });

  it("removes only a unit never used and a building with no units; anything else is marked 不可租售 instead", async () => {
    const { id } = await newBuilding();
    const fresh = await newUnit(id, { number: "101" });
    const listed = await newUnit(id, { number: "102" });
    await db.unit.update({ where: { id: listed.id }, data: { listingId: (await db.listing.findFirstOrThrow()).id } });
    const held = await newUnit(id, { number: "103" });
    const lead = await makeLead(db, viewers.staff.id);
    await db.unitHold.create({
      data: {
        unitId: held.id,
        leadId: lead.id,
        holderId: viewers.staff.id,
        expiresAt: new Date(),
        endedAt: new Date(),
      },
    });
    for (const unit of [listed, held])
      expect(await deleteUnit(db, viewers.manager, { id: unit.id, version: unit.version })).toEqual({
        ok: false,
        fieldErrors: { id: "unitInUse" },
      });
    expect(await deleteBuilding(db, viewers.manager, { id })).toEqual({
      ok: false,
      fieldErrors: { id: "buildingHasUnits" },
    });
    expect(await deleteUnit(db, viewers.manager, { id: fresh.id, version: fresh.version })).toEqual({
      ok: true,
      buildingId: id,
    });
    expect(await db.unit.findUnique({ where: { id: fresh.id } })).toBeNull();

    const empty = await newBuilding();
    expect(await deleteBuilding(db, viewers.manager, { id: empty.id })).toMatchObject({ ok: true });
    expect(await db.building.findUnique({ where: { id: empty.id } })).toBeNull();
    expect(await db.auditEntry.count({ where: { entityId: { in: [empty.id, fresh.id] } } })).toBe(4);
  });
}

describe("the asset register on PGlite", () => registerSuite(() => openTestPglite({ seedDemo: true })));
describeOnPostgres("the asset register on PostgreSQL", () => registerSuite(() => openTestPostgres({ seedDemo: true })));
