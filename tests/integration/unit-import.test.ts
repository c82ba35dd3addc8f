import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Database } from "@/lib/db/client";
import { parseUnitRow } from "@/lib/inventory/import/row";
import { moveUnits } from "@/lib/inventory/status";
import { en } from "@/lib/i18n/messages/en";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { importErrorFile } from "@/lib/leads/import/error-file";
import { confirmImportMapping, decideImportRows, startImport, uploadImport } from "@/lib/leads/import/mutations";
import { importJob, importPreview, importSummary, listImports } from "@/lib/leads/import/queries";
import { undoImport } from "@/lib/leads/import/undo";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makeLead, makePark, makeUser, type Person } from "../support/door-fixtures";
import { encodeGbk } from "../support/gbk";
import { drainImports } from "../support/import-jobs";

/*
 * Issue 14: buildings and units imported from a park's 租控表 through the importer — upload, mapping,
 * analysis, preview, writing, undo — on both databases.
 */

const HEADERS = [
  "楼栋",
  "楼层",
  "单元号",
  "建筑面积（m²）",
  "类型",
  "层高（m）",
  "承重（kg/m²）",
  "配电（kVA）",
  "结构",
  "层数",
  "竣工年份",
  "产权年限",
  "租金（元/m²/月）",
  "底价",
  "状态",
];
const NEW_BUILDING = ["1号楼", "", "", "", "厂房", "8.5", "1500", "630", "钢结构", "3", "2021", "50"];
const ROWS: string[][] = [
  [...NEW_BUILDING.slice(0, 1), "1", "101", "1200", ...NEW_BUILDING.slice(4), "28", "24", "空置"],
  ["1号楼", "1", "102", "800", "厂房", "", "", "", "", "", "", "", "28", "", ""],
  ["1号楼", "2F", "201", "1200", "", "", "", "", "", "", "", "", "26", "", "空置"],
  ["1号楼", "2", "202", "800", "", "", "", "", "", "", "", "", "26", "", "不可租售"],
  ["1号楼", "3层", "301", "2000", "", "", "", "", "", "", "", "", "25", "", ""],
  // An existing unit, occupied: its area is updated, its status stays the lead's.
  ["2号楼", "1", "101", "1500", "办公", "", "", "", "", "", "", "", "45", "40", "空置"],
  // An existing vacant unit the file marks unavailable.
  ["2号楼", "1", "102", "600", "办公", "", "", "", "", "", "", "", "", "", "不可租售"],
  ["2号楼", "2", "201", "600", "办公", "", "", "", "", "", "", "", "45", "", ""],
  ["2号楼", "2", "202", "600", "办公", "", "", "", "", "", "", "", "45", "", ""],
  ["2号楼", "3", "301", "600", "办公", "", "", "", "", "", "", "", "45", "", ""],
  // A signed unit is a lead's, not the sheet's: refused with the reason.
  ["2号楼", "3", "302", "600", "办公", "", "", "", "", "", "", "", "45", "", "已签约"],
  // The same unit again, further down.
  ["1号楼", "1", "102", "900", "厂房", "", "", "", "", "", "", "", "28", "", ""],
];

async function workbook(): Promise<File> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("租控表");
  sheet.addRow(["平湖科创智谷 租控表"]);
  sheet.addRow(["更新日期：2026年12月1日"]);
  sheet.addRow([]);
  sheet.addRow(HEADERS);
  for (const row of ROWS) sheet.addRow(row.map((cell) => (/^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
  const bytes = await book.xlsx.writeBuffer();
  return new File([new Uint8Array(bytes as ArrayBuffer)], "平湖科创智谷租控表.xlsx");
}

function unitImportSuite(open: () => Promise<TestDatabase>) {
  let test: TestDatabase;
  let db: Database;
  let manager: Person;
  let staff: Person;
  let admin: Person;
  let parkId: string;
  let occupiedId: string;
  let vacantId: string;

  beforeAll(async () => {
    test = await open();
    db = test.opened.db;
    manager = await makeUser(db, "MANAGER");
    staff = await makeUser(db, "STAFF");
    admin = await makeUser(db, "ADMIN");
    parkId = (await makePark(db)).id;
    const building = await db.building.create({ data: { parkId, name: "2号楼", kind: "OFFICE", storeys: 5 } });
    const lead = await makeLead(db, null);
    const occupied = await db.unit.create({
      data: {
        buildingId: building.id,
        parkId,
        floor: 1,
        number: "101",
        area: "1000",
        areaUnit: "SQM",
        areaSqm: "1000",
        status: "OCCUPIED",
        leadId: lead.id,
        listPrice: "40",
        priceUnit: "YUAN_PER_SQM_MONTH",
      },
    });
    occupiedId = occupied.id;
    const vacant = await db.unit.create({
      data: { buildingId: building.id, parkId, floor: 1, number: "102", area: "600", areaUnit: "SQM", areaSqm: "600" },
    });
    vacantId = vacant.id;
  }, 120_000);
  afterAll(async () => test?.cleanup());

  it("a 租控表 goes through upload, mapping, preview and writing into buildings and units, and is undone", async () => {
    const uploaded = await uploadImport(db, manager, { file: await workbook(), parkId }, "UNITS");
    if (!uploaded.ok) throw new Error(JSON.stringify(uploaded));
    const job = (await importJob(db, manager, uploaded.jobId, new Date(), "UNITS"))!;
    expect(job).toMatchObject({ kind: "UNITS", status: "MAPPING", headerRow: 4, totalRows: ROWS.length });
    expect(job.park?.id).toBe(parkId);
    // Every header of the sheet is recognised.
    expect(Object.values(job.mapping ?? {})).toEqual([
      "building",
      "floor",
      "number",
      "areaSqm",
      "kind",
      "floorHeight",
      "floorLoad",
      "power",
      "structure",
      "storeys",
      "completionYear",
      "propertyTerm",
      "rent",
      "floorPrice",
      "status",
    ]);
    // The leads import neither lists nor touches it.
    expect((await listImports(db, admin)).map((listed) => listed.id)).not.toContain(job.id);
    expect(await importJob(db, admin, job.id)).toBeNull();
    expect(await confirmImportMapping(db, admin, { jobId: job.id, mapping: { "0": "company" } })).toMatchObject({
      ok: false,
    });
    expect(await confirmImportMapping(db, manager, { jobId: job.id, mapping: {} }, "UNITS")).toMatchObject({
      ok: false,
      fieldErrors: { form: "unitRequiredFields" },
    });
    expect(await confirmImportMapping(db, manager, { jobId: job.id, mapping: job.mapping }, "UNITS")).toEqual({
      ok: true,
      jobId: job.id,
    });
    await drainImports(db);
    expect((await importJob(db, manager, job.id, new Date(), "UNITS"))!.status).toBe("PREVIEW");

    const summary = await importSummary(db, manager, job.id, "UNITS");
    expect(summary.planned).toEqual({ CREATE: 8, MERGE: 2, SKIP: 2 });
    expect(summary.withErrors).toBe(1);
    const preview = await importPreview(db, manager, job.id, {}, "UNITS");
    const byRow = new Map(preview.rows.map((row) => [row.rowNumber, row]));
    expect(byRow.get(10)).toMatchObject({
      proposal: "MERGE",
      matchedUnit: { id: occupiedId, building: "2号楼", number: "101", status: "OCCUPIED" },
    });
    expect(byRow.get(15)).toMatchObject({ proposal: "SKIP", errors: { status: "unitStatusFromLeads" } });
    expect(byRow.get(16)).toMatchObject({ proposal: "SKIP", reason: "repeatOf:6" });
    expect(byRow.get(5)!.values).toMatchObject({
      building: "1号楼",
      floor: 1,
      number: "101",
      area: "1200",
      areaUnit: "SQM",
      kind: "FACTORY",
      floorHeightM: "8.5",
      floorLoadKgPerSqm: 1500,
      powerKva: 630,
      listPrice: "28",
      floorPrice: "24",
      priceUnit: "YUAN_PER_SQM_MONTH",
      status: "VACANT",
    });
    // A row with errors cannot be written.
    expect(
      await decideImportRows(db, manager, { jobId: job.id, rows: [{ rowNumber: 15, decision: "CREATE" }] }, "UNITS"),
    ).toMatchObject({ ok: false, fieldErrors: { "rows.15": "importRowErrors" } });

    expect(await startImport(db, manager, { jobId: job.id }, "UNITS")).toMatchObject({ ok: true });
    await drainImports(db, { applyRows: 4 });
    expect(await importJob(db, manager, job.id, new Date(), "UNITS")).toMatchObject({
      status: "DONE",
      created: 8,
      merged: 2,
      skipped: 2,
      failed: 0,
    });

    const first = await db.building.findUniqueOrThrow({ where: { parkId_name: { parkId, name: "1号楼" } } });
    expect(first).toMatchObject({
      kind: "FACTORY",
      structure: "钢结构",
      storeys: 3,
      floorLoadKgPerSqm: 1500,
      powerKva: 630,
      completionYear: 2021,
      propertyTermYears: 50,
    });
    expect(first.floorHeightM?.toString()).toBe("8.5");
    const units = await db.unit.findMany({
      where: { parkId },
      select: { id: true, number: true, floor: true, area: true, status: true, floorPrice: true, building: true },
      orderBy: [{ building: { name: "asc" } }, { number: "asc" }],
    });
    expect(
      units.map((unit) => `${unit.building.name} ${unit.number} ${unit.floor} ${unit.area} ${unit.status}`),
    ).toEqual([
      "1号楼 101 1 1200 VACANT",
      "1号楼 102 1 800 VACANT",
      "1号楼 201 2 1200 VACANT",
      "1号楼 202 2 800 UNAVAILABLE",
      "1号楼 301 3 2000 VACANT",
      "2号楼 101 1 1500 OCCUPIED",
      "2号楼 102 1 600 UNAVAILABLE",
      "2号楼 201 2 600 VACANT",
      "2号楼 202 2 600 VACANT",
      "2号楼 301 3 600 VACANT",
    ]);
    expect(units[0].floorPrice?.toString()).toBe("24");
    // Each new unit starts its history; the vacant unit marked unavailable has its change kept.
    const created = units.filter((unit) => unit.id !== occupiedId && unit.id !== vacantId).map((unit) => unit.id);
    const firsts = await db.unitStatusChange.findMany({ where: { unitId: { in: created } } });
    expect(firsts).toHaveLength(8);
    expect(firsts.every((change) => change.fromStatus === null && change.actorId === manager.id)).toBe(true);
    expect(
      await db.unitStatusChange.findMany({ where: { unitId: vacantId }, select: { fromStatus: true, toStatus: true } }),
    ).toEqual([{ fromStatus: "VACANT", toStatus: "UNAVAILABLE" }]);

    // The error file carries the refused row with its reason, in the file's own columns.
    const errors = await importErrorFile(db, manager, job.id, { locale: "zh-CN", messages: zhCN }, "UNITS");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(errors!.body) as never);
    const lines = book.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(lines).toHaveLength(2);
    expect(String(lines[1].at(-1))).toBe(`状态：${zhCN.validation.unitStatusFromLeads}`);
    const english = await importErrorFile(db, manager, job.id, { locale: "en", messages: en }, "UNITS");
    expect(english!.rows).toBe(1);

    // One new unit is held meanwhile: the undo keeps it (and its building).
    const held = units.find((unit) => unit.building.name === "2号楼" && unit.number === "201")!;
    const lead = await makeLead(db, manager.id);
    await db.$transaction(async (tx) => {
      const now = new Date();
      await moveUnits(tx, {
        unitIds: [held.id],
        from: ["VACANT"],
        to: "HELD",
        leadId: lead.id,
        heldUntil: new Date(now.getTime() + 86_400_000),
        heldById: manager.id,
        actorId: manager.id,
        now,
      });
      await tx.unitHold.create({
        data: {
          unitId: held.id,
          leadId: lead.id,
          holderId: manager.id,
          expiresAt: new Date(now.getTime() + 86_400_000),
        },
      });
    });

    expect(await undoImport(db, staff, { jobId: job.id }, new Date(), "UNITS").catch((error) => error)).toBeInstanceOf(
      AccessDenied,
    );
    expect(await undoImport(db, manager, { jobId: job.id }, new Date(), "UNITS")).toMatchObject({
      ok: true,
      removed: 7,
      kept: 1,
      reverted: 2,
    });
    expect(await db.building.count({ where: { parkId, name: "1号楼" } })).toBe(0);
    const left = await db.unit.findMany({
      where: { parkId },
      select: { id: true, area: true, status: true, listPrice: true },
      orderBy: { number: "asc" },
    });
    expect(left.map((unit) => [unit.id, unit.area.toString(), unit.status, unit.listPrice?.toString()])).toEqual([
      [occupiedId, "1000", "OCCUPIED", "40"],
      [vacantId, "600", "VACANT", undefined],
      [held.id, "600", "HELD", "45"],
    ]);
    expect((await importJob(db, manager, job.id, new Date(), "UNITS"))!.status).toBe("UNDONE");
    const audit = await db.auditEntry.findMany({ where: { entityId: job.id }, select: { action: true } });
    expect(audit.map((entry) => entry.action).sort()).toEqual([
      "import.errors",
      "import.errors",
      "import.run",
      "import.undo",
      "import.upload",
    ]);
  }, 300_000);

  it("a land CSV in GBK becomes plots of a land building", async () => {
    const text = "楼栋,单元号,面积（亩）,售价,状态\r\n二期地块,A,50,80,空置\r\n二期地块,B,abc,80,空置\r\n";
    const uploaded = await uploadImport(
      db,
      manager,
      { file: new File([encodeGbk(text)], "地块.csv"), parkId },
      "UNITS",
    );
    if (!uploaded.ok) throw new Error(JSON.stringify(uploaded));
    const job = (await importJob(db, manager, uploaded.jobId, new Date(), "UNITS"))!;
    expect(job.encoding).toBe("gb18030");
    expect(await confirmImportMapping(db, manager, { jobId: job.id, mapping: job.mapping }, "UNITS")).toMatchObject({
      ok: true,
    });
    await drainImports(db);
    expect(await startImport(db, manager, { jobId: job.id }, "UNITS")).toMatchObject({ ok: true });
    await drainImports(db);
    expect(await importJob(db, manager, job.id, new Date(), "UNITS")).toMatchObject({
      status: "DONE",
      created: 1,
      skipped: 1,
    });
    const plot = await db.unit.findFirstOrThrow({
      where: { parkId, number: "A", building: { name: "二期地块" } },
      include: { building: true },
    });
    expect(plot.building.kind).toBe("LAND");
    expect([plot.area.toString(), plot.areaUnit, plot.areaSqm.toString(), plot.priceUnit]).toEqual([
      "50",
      "MU",
      "33333.33",
      "WAN_PER_MU",
    ]);
  }, 300_000);

  it("only managers and admins import units; a staff member is refused before anything is kept", async () => {
    const before = await db.importJob.count();
    await expect(uploadImport(db, staff, { file: await workbook(), parkId }, "UNITS")).rejects.toBeInstanceOf(
      AccessDenied,
    );
    expect(
      await uploadImport(db, manager, { file: await workbook(), parkId: "cnotapark000000000000000" }, "UNITS"),
    ).toEqual({ ok: false, fieldErrors: { parkId: "notFound" } });
    const noHeader = new File([new TextEncoder().encode("甲,乙\n1,2\n")], "无表头.csv");
    expect(await uploadImport(db, manager, { file: noHeader, parkId }, "UNITS")).toEqual({
      ok: false,
      fieldErrors: { file: "unitNoHeader" },
    });
    expect(await db.importJob.count()).toBe(before);
  });

  it("finds the header row of a sheet whose columns only a 租控表 has, under its title", async () => {
    const text = "二期租控表\n楼栋,单元号,建筑面积\n5号楼,101,500\n";
    const file = new File([new TextEncoder().encode(text)], "二期.csv");
    const uploaded = await uploadImport(db, manager, { file, parkId }, "UNITS");
    if (!uploaded.ok) throw new Error(JSON.stringify(uploaded));
    expect(await importJob(db, manager, uploaded.jobId, new Date(), "UNITS")).toMatchObject({
      headerRow: 2,
      mapping: { "0": "building", "1": "number", "2": "area" },
    });
  });
}

describe("parsing a 租控表 row", () => {
  const mapping = { "0": "building", "1": "number", "2": "area", "3": "listPrice", "4": "floorPrice" } as const;
  const headers = ["楼栋", "单元号", "面积", "售价（元/m²）", "底价"];
  it("takes 底价 only from a file its importer may set it with", () => {
    const cells = ["3号楼", "201", "1,200", "5200", "4800"];
    const manager = parseUnitRow(cells, mapping, { headers, setsFloorPrice: true });
    const other = parseUnitRow(cells, mapping, { headers, setsFloorPrice: false });
    expect(manager).toMatchObject({ ok: true, values: { area: "1200", listPrice: "5200", floorPrice: "4800" } });
    expect(other).toMatchObject({
      ok: true,
      values: { listPrice: "5200", floorPrice: null, priceUnit: "YUAN_PER_SQM" },
    });
  });
  it("refuses statuses that belong to leads, 亩 for a building, and a floor it cannot read", () => {
    const full = { ...mapping, "5": "status", "6": "floor", "7": "kind" } as const;
    const parsed = parseUnitRow(["3号楼", "201", "5亩", "", "", "已入驻", "二楼", "厂房"], full, {
      headers,
      setsFloorPrice: true,
    });
    expect(parsed).toEqual({
      ok: false,
      errors: { area: "unitAreaMuLand", status: "unitStatusFromLeads", floor: "integer" },
    });
    expect(
      parseUnitRow(["3号楼", "B1", "300", "", "", "不可租售", "B1", "办公"], full, { headers, setsFloorPrice: true }),
    ).toMatchObject({ ok: true, values: { floor: -1, status: "UNAVAILABLE", kind: "OFFICE", priceUnit: null } });
  });
});

describe("units import on PGlite", () => unitImportSuite(() => openTestPglite()));
describeOnPostgres("units import on PostgreSQL", () => unitImportSuite(() => openTestPostgres()));
