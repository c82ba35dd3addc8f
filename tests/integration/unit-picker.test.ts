import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedDatabase } from "@/lib/db/open";
import { holdUnits } from "@/lib/inventory/holds/mutations";
import { heldUnitsToSign, vacantUnitsForLead } from "@/lib/inventory/picker/queries";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makeHoldPark, makeLead, type HoldPark } from "../support/inventory-fixtures";

/*
 * The lead page's unit picker and the sign dialog's units (lib/inventory/picker): what an officer is
 * offered to hold (vacant only, the lead's park first, never a floor price) and to sign (the lead's
 * held units with their list prices), and that another officer's lead reads as not found.
 */
function pickerSuite(open: () => Promise<TestDatabase>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let home: HoldPark;
  let other: HoldPark;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    // Two parks of four 1,000 m² units each: the lead belongs to `home`.
    other = await makeHoldPark(opened.db, 4);
    home = await makeHoldPark(opened.db, 4);
    await opened.db.unit.update({ where: { id: home.unitIds[3] }, data: { area: 3000, areaSqm: 3000 } });
  });
  afterAll(async () => {
    await cleanup();
  });

  const leadInHome = async (ownerId: string | null) => {
    const leadId = await makeLead(opened.db, { ownerId });
    await opened.db.lead.update({ where: { id: leadId }, data: { parkId: home.parkId } });
    return leadId;
  };

  it("[STAFF] is offered the vacant units of the lead's park first, then the other park's, without floor prices", async () => {
    const db = opened.db;
    const leadId = await leadInHome(home.staff.id);
    const rival = await leadInHome(home.otherStaff.id);
    expect((await holdUnits(db, home.otherStaff, { leadId: rival, unitIds: [home.unitIds[1]] })).ok).toBe(true);

    const answer = await vacantUnitsForLead(db, home.staff, { leadId });
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    expect(answer.parkId).toBe(home.parkId);
    expect(answer.more).toBe(false);
    const ids = answer.units.map((unit) => unit.id);
    expect(ids).toEqual([home.unitIds[0], home.unitIds[2], home.unitIds[3], ...other.unitIds]);
    expect(answer.units.map((unit) => unit.leadPark)).toEqual([true, true, true, false, false, false, false]);
    expect(answer.units[0]).toEqual({
      id: home.unitIds[0],
      parkId: home.parkId,
      parkName: "锁定园",
      parkNameEn: "Holds park",
      buildingName: "3号楼",
      buildingNameEn: "",
      kind: "FACTORY",
      floor: 1,
      number: "101",
      area: "1000",
      areaUnit: "SQM",
      listPrice: "25",
      priceUnit: "YUAN_PER_SQM_MONTH",
      leadPark: true,
    });
    expect(JSON.stringify(answer)).not.toContain("floorPrice");
  });

  it("filters by kind and by area in m², and refuses a range whose top is below its bottom", async () => {
    const db = opened.db;
    const leadId = await leadInHome(null);
    const large = await vacantUnitsForLead(db, home.staff, { leadId, minArea: "2,000", maxArea: "5000" });
    expect(large.ok && large.units.map((unit) => unit.id)).toEqual([home.unitIds[3]]);
    const land = await vacantUnitsForLead(db, home.staff, { leadId, kind: "LAND" });
    expect(land.ok && land.units).toEqual([]);
    expect(await vacantUnitsForLead(db, home.staff, { leadId, minArea: "3000", maxArea: "1000" })).toEqual({
      ok: false,
      fieldErrors: { maxArea: "tooSmall:3000" },
    });
    expect(await vacantUnitsForLead(db, home.staff, { leadId, kind: "CASTLE", extra: 1 })).toEqual({
      ok: false,
      fieldErrors: { kind: "choice", extra: "unknownField" },
    });
  });

  it("[STAFF] gets another officer's lead as not found; a manager may pick for it", async () => {
    const db = opened.db;
    const leadId = await leadInHome(home.otherStaff.id);
    const refused = { ok: false, fieldErrors: { leadId: "notFound" } };
    expect(await vacantUnitsForLead(db, home.staff, { leadId })).toEqual(refused);
    expect(await heldUnitsToSign(db, home.staff, { leadId })).toEqual(refused);
    expect((await vacantUnitsForLead(db, home.manager, { leadId })).ok).toBe(true);
    await db.lead.update({ where: { id: leadId }, data: { archivedAt: new Date() } });
    expect(await vacantUnitsForLead(db, home.manager, { leadId })).toEqual(refused);
  });

  // Decimals come back as the database writes them, which the dialog puts in its inputs as they are.
  it("[STAFF] signs from the lead's held units only, each with its list price", async () => {
    const db = opened.db;
    const p = await makeHoldPark(db, 3);
    const leadId = await makeLead(db, { ownerId: p.staff.id });
    expect(await heldUnitsToSign(db, p.staff, { leadId })).toEqual({ ok: true, units: [] });
    expect((await holdUnits(db, p.staff, { leadId, unitIds: [p.unitIds[0], p.unitIds[2]] })).ok).toBe(true);
    expect(await heldUnitsToSign(db, p.staff, { leadId })).toEqual({
      ok: true,
      units: [
        {
          id: p.unitIds[0],
          label: "3号楼 101",
          area: "1000.00",
          areaUnit: "SQM",
          listPrice: "25.00",
          priceUnit: "YUAN_PER_SQM_MONTH",
        },
        {
          id: p.unitIds[2],
          label: "3号楼 301",
          area: "1000.00",
          areaUnit: "SQM",
          listPrice: "25.00",
          priceUnit: "YUAN_PER_SQM_MONTH",
        },
      ],
    });
  });
}

describe("the unit picker (PGlite)", () => pickerSuite(openTestPglite));
describeOnPostgres("the unit picker (PostgreSQL)", () => pickerSuite(() => openTestPostgres()));
