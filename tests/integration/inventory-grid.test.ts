import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { cellBuilding, unitOfCell, type Cell } from "@/lib/inventory/grid/cell";
import { inventoryParks, parkBoard, parkCells } from "@/lib/inventory/grid/queries";
import { parkInventory } from "../support/inventory-grid";
import { moveUnits } from "@/lib/inventory/status";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import { makeLead, makePark, makeUser } from "../support/door-fixtures";

/*
 * The 租控表's query against a hand-built park: 1号楼 (three floors: a vacant, a held, a signed, an occupied and an
 * unavailable unit), a land plot of 15 亩 without a floor, and an office building with no units yet. The
 * figures are worked by hand: 1号楼 has 4,000 m² of which 200 are not on offer and 2,300 signed or occupied.
 */
const HELD_UNTIL = new Date("2030-01-20T08:00:00.000Z");

function gridSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let cleanup: () => Promise<void>;
  let db: Database;
  let staff: Viewer;
  let holder: Viewer;
  let manager: Viewer;
  let park: { id: string; slug: string };
  let heldLead: { id: string; company: string };
  let signedLead: { id: string; company: string };

  beforeAll(async () => {
    const database = await open();
    cleanup = database.cleanup;
    db = database.opened.db;
    staff = await makeUser(db, "STAFF");
    holder = await makeUser(db, "STAFF");
    manager = await makeUser(db, "MANAGER");
    park = await makePark(db);
    heldLead = await makeLead(db, holder.id);
    signedLead = await makeLead(db, staff.id);
    const one = await db.building.create({
      data: { parkId: park.id, name: "1号楼", kind: "FACTORY", storeys: 3, position: 0 },
    });
    const plots = await db.building.create({ data: { parkId: park.id, name: "一期地块", kind: "LAND", position: 1 } });
    await db.building.create({ data: { parkId: park.id, name: "研发楼", kind: "OFFICE", storeys: 5, position: 2 } });
    const unit = (floor: number | null, number: string, area: number, extra: object = {}) =>
      db.unit.create({
        data: { buildingId: one.id, parkId: park.id, floor, number, area, areaUnit: "SQM", areaSqm: area, ...extra },
      });
    const ids = {
      vacant: (await unit(1, "101", 1000, { listPrice: 25, floorPrice: 21.5, priceUnit: "YUAN_PER_SQM_MONTH" })).id,
      held: (await unit(1, "102", 500)).id,
      signed: (await unit(2, "201", 1500)).id,
      occupied: (await unit(3, "301", 800)).id,
      unavailable: (await unit(3, "302", 200)).id,
    };
    await db.unit.create({
      data: {
        buildingId: plots.id,
        parkId: park.id,
        floor: null,
        number: "地块A",
        area: 15,
        areaUnit: "MU",
        areaSqm: 10000,
      },
    });
    const now = new Date();
    const move = (unitIds: string[], to: "HELD" | "SIGNED" | "OCCUPIED" | "UNAVAILABLE", extra: object = {}) =>
      db.$transaction((tx) =>
        moveUnits(tx, { unitIds, from: ["VACANT", "SIGNED"], to, leadId: null, actorId: null, now, ...extra }),
      );
    await move([ids.held], "HELD", { leadId: heldLead.id, heldUntil: HELD_UNTIL, heldById: holder.id });
    await move([ids.signed, ids.occupied], "SIGNED", { leadId: signedLead.id });
    await move([ids.occupied], "OCCUPIED", { leadId: signedLead.id });
    await move([ids.unavailable], "UNAVAILABLE");
  });
  afterAll(async () => cleanup?.());

  it("[STAFF] reads the park's buildings in order, floors top first with the floor-less row last, and the figures", async () => {
    const grid = await parkInventory(db, staff, park.slug);
    expect(grid?.park).toMatchObject({ id: park.id, slug: park.slug });
    expect(grid?.buildings.map((building) => building.name)).toEqual(["1号楼", "一期地块", "研发楼"]);
    const [one, plots, office] = grid!.buildings;
    expect(one.floors.map((floor) => [floor.floor, floor.units.map((unit) => unit.number)])).toEqual([
      [3, ["301", "302"]],
      [2, ["201"]],
      [1, ["101", "102"]],
    ]);
    expect(one.totals).toEqual({
      total: 4000,
      vacant: 1000,
      held: 500,
      signed: 1500,
      occupied: 800,
      unavailable: 200,
      rate: 2300 / 3800,
    });
    expect(one).toMatchObject({ kind: "FACTORY", storeys: 3, unitCount: 5 });
    expect(plots.floors).toEqual([
      {
        floor: null,
        units: [expect.objectContaining({ number: "地块A", area: "15.00", areaUnit: "MU", areaSqm: 10000 })],
      },
    ]);
    expect(plots.totals).toMatchObject({ total: 10000, vacant: 10000, rate: 0 });
    expect(office).toMatchObject({
      floors: [],
      unitCount: 0,
      totals: expect.objectContaining({ total: 0, rate: null }),
    });
    expect(grid!.totals).toEqual({
      total: 14000,
      vacant: 11000,
      held: 500,
      signed: 1500,
      occupied: 800,
      unavailable: 200,
      rate: 2300 / 13800,
    });
    expect(grid!.shown).toEqual({ units: 6, areaSqm: 14000 });
  });

  it("[STAFF] sees who holds a unit until when, and each taken unit's lead, openable only where the lead is theirs", async () => {
    const grid = await parkInventory(db, staff, park.id);
    const units = grid!.buildings[0].floors.flatMap((floor) => floor.units);
    const byNumber = Object.fromEntries(units.map((unit) => [unit.number, unit]));
    expect(byNumber["102"]).toMatchObject({
      status: "HELD",
      heldUntil: HELD_UNTIL,
      holderName: holder.name,
      mayChangeHold: false,
      lead: { id: heldLead.id, company: heldLead.company, mayOpen: false },
    });
    expect(byNumber["201"]).toMatchObject({
      status: "SIGNED",
      heldUntil: null,
      holderName: null,
      lead: { id: signedLead.id, company: signedLead.company, mayOpen: true },
    });
    expect(byNumber["301"]).toMatchObject({ status: "OCCUPIED", lead: { id: signedLead.id } });
    expect(byNumber["101"]).toMatchObject({ status: "VACANT", lead: null, listPrice: "25.00" });
    expect(byNumber["101"].statusChangedAt).toBeInstanceOf(Date);

    const mine = await parkInventory(db, holder, park.id);
    const held = mine!.buildings[0].floors.flatMap((floor) => floor.units).find((unit) => unit.number === "102");
    expect(held).toMatchObject({ mayChangeHold: true, lead: { mayOpen: true } });
  });

  it("[STAFF] never receives the floor price; [MANAGER] does", async () => {
    const unitsOf = async (viewer: Viewer) =>
      (await parkInventory(db, viewer, park.slug))!.buildings.flatMap((building) =>
        building.floors.flatMap((floor) => floor.units),
      );
    const staffUnits = await unitsOf(staff);
    expect(staffUnits.filter((unit) => "floorPrice" in unit)).toEqual([]);
    expect(JSON.stringify(staffUnits)).not.toContain("21.5");
    const managerUnits = await unitsOf(manager);
    expect(managerUnits.find((unit) => unit.number === "101")).toMatchObject({
      floorPrice: "21.50",
      listPrice: "25.00",
      priceUnit: "YUAN_PER_SQM_MONTH",
      mayChangeHold: false,
    });
    expect(managerUnits.find((unit) => unit.number === "102")).toMatchObject({
      mayChangeHold: true,
      lead: { mayOpen: true },
    });
  });

  it("[STAFF] the page's board: the first buildings' cells within the budget, the others' fetched as one text", async () => {
    const [one, plots] = (await parkInventory(db, staff, park.slug))!.buildings;
    // A budget of 5 cells takes 1号楼 whole (5 units) and leaves the plot for the browser to fetch.
    const board = (await parkBoard(db, staff, park.slug, {}, 5))!;
    expect(board.buildings.map(({ head, rows, cells }) => [head.name, rows, cells?.length ?? null])).toEqual([
      ["1号楼", 3, 5],
      ["一期地块", 1, null],
      ["研发楼", 0, null],
    ]);
    expect(board.buildings[0].cells!.map((cell) => unitOfCell(cell, false))).toEqual(
      one.floors.flatMap((floor) => floor.units),
    );
    expect(board.shown).toEqual({ units: 6, areaSqm: 14000 });
    const fetched = JSON.parse((await parkCells(db, staff, park.slug))!) as Cell[];
    expect(fetched.filter((cell) => cellBuilding(cell) === plots.id).map((cell) => unitOfCell(cell, false))).toEqual(
      plots.floors[0].units,
    );
    expect(fetched).toHaveLength(6);
    // A budget smaller than the first building still sends that one, and nothing after it.
    const small = (await parkBoard(db, staff, park.slug, {}, 1))!;
    expect(small.buildings.map((building) => building.cells?.length ?? null)).toEqual([5, null, null]);
    // What the filter shows: rows and counts of the shown units only.
    const held = (await parkBoard(db, staff, park.slug, { status: ["HELD", "UNAVAILABLE"] }, 0))!;
    expect(held.buildings.map(({ head, rows, cells }) => [head.name, rows, cells?.length])).toEqual([["1号楼", 2, 2]]);
    expect(held.shown).toEqual({ units: 2, areaSqm: 700 });
    const heldCells = JSON.parse((await parkCells(db, staff, park.id, { status: ["HELD"] }))!) as Cell[];
    expect(heldCells.map((cell) => cell[3])).toEqual(["102"]);
    await expect(parkCells(db, staff, "no-such-park")).resolves.toBeNull();
    await expect(parkCells(db, null, park.slug)).rejects.toBeInstanceOf(AccessDenied);
  });

  it("[STAFF] the board's cells, sent or fetched, carry no floor price; [MANAGER]'s do", async () => {
    expect(JSON.stringify(await parkBoard(db, staff, park.slug, {}, 0))).not.toContain("21.5");
    expect(await parkCells(db, staff, park.slug)).not.toContain("21.5");
    const manager101 = (JSON.parse((await parkCells(db, manager, park.slug))!) as Cell[]).find(
      (cell) => cell[3] === "101",
    )!;
    expect(unitOfCell(manager101, true)).toMatchObject({ floorPrice: "21.50" });
    const board = (await parkBoard(db, manager, park.slug, {}, 0))!;
    expect(board.buildings[0].cells!.find((cell) => cell[3] === "101")![14]).toBe("21.50");
  });

  it("[STAFF] filters by status, area range and kind; the figures stay those of the whole park and buildings", async () => {
    const numbers = (grid: Awaited<ReturnType<typeof parkInventory>>) =>
      grid!.buildings.map((building) => [
        building.name,
        building.floors.flatMap((floor) => floor.units.map((unit) => unit.number)),
      ]);
    const vacant = await parkInventory(db, staff, park.slug, { status: ["VACANT"] });
    expect(numbers(vacant)).toEqual([
      ["1号楼", ["101"]],
      ["一期地块", ["地块A"]],
    ]);
    expect(vacant!.totals.total).toBe(14000);
    expect(vacant!.buildings[0].totals.total).toBe(4000);
    expect(vacant!.shown).toEqual({ units: 2, areaSqm: 11000 });

    const taken = await parkInventory(db, staff, park.slug, { status: ["SIGNED", "OCCUPIED"] });
    expect(numbers(taken)).toEqual([["1号楼", ["301", "201"]]]);

    const sized = await parkInventory(db, staff, park.slug, { minArea: "800", maxArea: "1500" });
    expect(numbers(sized)).toEqual([["1号楼", ["301", "201", "101"]]]);
    const large = await parkInventory(db, staff, park.slug, { minArea: "1500.01" });
    expect(numbers(large)).toEqual([["一期地块", ["地块A"]]]);

    const offices = await parkInventory(db, staff, park.slug, { kind: "OFFICE" });
    expect(numbers(offices)).toEqual([["研发楼", []]]);
    expect(offices!.totals.total).toBe(14000);
    const land = await parkInventory(db, staff, park.slug, { kind: "LAND", status: ["HELD"] });
    expect(numbers(land)).toEqual([]);
  });

  it("answers null for a park that does not exist, and refuses a caller who is not signed in", async () => {
    await expect(parkInventory(db, staff, "no-such-park")).resolves.toBeNull();
    await expect(parkInventory(db, null, park.slug)).rejects.toBeInstanceOf(AccessDenied);
    await expect(inventoryParks(db, null)).rejects.toBeInstanceOf(AccessDenied);
  });

  it("[STAFF] lists the parks for the picker with the parks they own first", async () => {
    await db.park.update({ where: { id: park.id }, data: { ownerId: staff.id } });
    const parks = await inventoryParks(db, staff);
    expect(parks[0]).toEqual({ id: park.id, slug: park.slug, name: expect.any(String), nameEn: expect.any(String) });
    expect((await inventoryParks(db, manager)).map((shown) => shown.id)).toContain(park.id);
  });
}

describe("the 租控表 on PGlite", () => gridSuite(() => openTestPglite()));
describeOnPostgres("the 租控表 on PostgreSQL", () => gridSuite(() => openTestPostgres()));
