import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { exportProgressWorkbook } from "@/lib/projects/export/export";
import { terminateProject } from "@/lib/projects/register/mutations";
import { day, makeDeliveryPark, makeProject } from "../support/delivery-fixtures";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { at, reportViewer } from "../support/report-views";

/*
 * The 项目推进表 read back with exceljs. Park 平湖 (亩均税收 yardstick 20) holds P1 (officer X: registered with a
 * credit code, 开工 late, 2025 actuals 600 / 12000 on 50 亩 → index 68 → C, 7,000 of 10,000 paid, a 督办 item)
 * and P2 (officer Y); P3 (officer X) was terminated. Today is 2026-12-06, so the evaluation year is 2025.
 */

const NOW = at("2026-12-06 15:00");

interface Fixture {
  pinghu: string;
  x: string;
  manager: string;
}

async function seed(db: Database): Promise<Fixture> {
  const pinghu = await makeDeliveryPark(db, "pinghu", "平湖", { tax: 20 });
  const user = (name: string, role: "STAFF" | "MANAGER") =>
    db.user.create({ data: { email: `${name}@export.test`, name, role, passwordHash: "unused" } });
  const [x, y, manager] = [await user("专员X", "STAFF"), await user("专员Y", "STAFF"), await user("经理M", "MANAGER")];
  const p1 = await makeProject(db, {
    name: "平湖精密轴承项目",
    parkId: pinghu.id,
    ownerId: x.id,
    industry: "通用设备制造",
    signedAt: "2025-03-01 10:00",
    creditCode: "91330482MA2B3C4D5E",
    totalInvestment: 10000,
    fixedAssetInvestment: 8000,
    annualTax: 500,
    annualOutput: 20000,
    landMu: 50,
    milestones: {
      REGISTERED: { planned: "2025-04-01", actual: "2025-03-20" },
      CONSTRUCTION_START: { planned: "2026-10-01" },
      PRODUCTION: { planned: "2026-12-20" },
    },
    fundings: [
      ["2025-05-01", 3000],
      ["2026-03-01", 4000],
    ],
    years: [{ year: 2025, tax: 600, output: 12000 }],
  });
  await db.supervision.create({
    data: {
      projectId: p1.projectId,
      title: "协调施工许可，月底前开工",
      assigneeId: x.id,
      openedById: manager.id,
      dueOn: day("2026-12-31"),
    },
  });
  await makeProject(db, { name: "Y的项目", parkId: pinghu.id, ownerId: y.id, signedAt: "2025-05-01 10:00" });
  const p3 = await makeProject(db, {
    name: "已解约项目",
    parkId: pinghu.id,
    ownerId: x.id,
    signedAt: "2025-01-10 10:00",
  });
  const terminated = await terminateProject(
    db,
    reportViewer(manager.id, "MANAGER"),
    { projectId: p3.projectId, version: 1, reason: "企业迁出" },
    at("2026-06-01 10:00"),
  );
  if (!terminated.ok) throw new Error(JSON.stringify(terminated.fieldErrors));
  return { pinghu: pinghu.id, x: x.id, manager: manager.id };
}

async function sheetOf(body: ReadableStream<Uint8Array>): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await new Response(body).arrayBuffer());
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

const valuesOf = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

function exportSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let fixture: Fixture;
  const run = (viewerId: string, role: "STAFF" | "MANAGER", params: Record<string, string>, batchSize?: number) =>
    exportProgressWorkbook(database.opened.db, reportViewer(viewerId, role), new URLSearchParams(params), {
      locale: "zh-CN",
      now: NOW,
      batchSize,
    });

  beforeAll(async () => {
    database = await open();
    fixture = await seed(database.opened.db);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("[MANAGER] exports a park's projects with the title, grouped headers and each figure as a number or a date", async () => {
    const result = await run(fixture.manager, "MANAGER", { park: fixture.pinghu, status: "all" });
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    expect(result.filename).toBe("项目推进表_2026-12-06.xlsx");
    const sheet = await sheetOf(result.body);
    expect(sheet.getCell("A1").value).toBe("平湖重点项目推进表（截至 2026年12月6日）");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    const [groups, subs] = [valuesOf(sheet, 2), valuesOf(sheet, 3)];
    expect(groups.slice(0, 8)).toEqual([
      "序号",
      "项目名称",
      "签约主体",
      "统一社会信用代码",
      "园区",
      "产业",
      "责任人（招商专员）",
      "签约日期",
    ]);
    expect(groups.slice(13, 15)).toEqual(["注册", "注册"]);
    expect(subs.slice(13, 15)).toEqual(["计划", "实际"]);
    expect(groups.slice(27, 31)).toEqual([
      "2025年产值（万元）",
      "2025年产值（万元）",
      "2025年税收（万元）",
      "2025年税收（万元）",
    ]);
    expect(subs.slice(27, 31)).toEqual(["实际", "承诺", "实际", "承诺"]);
    expect(groups.slice(31)).toEqual(["亩均评价", "当前状态/预警", "最新督办", "备注"]);

    const names = [4, 5, 6].map((row) => sheet.getRow(row).getCell(2).value);
    expect(names).toEqual(["已解约项目", "平湖精密轴承项目", "Y的项目"]);
    const p1 = valuesOf(sheet, 5);
    expect(p1.slice(0, 13)).toEqual([
      2,
      "平湖精密轴承项目",
      "平湖精密轴承项目",
      "91330482MA2B3C4D5E",
      "平湖",
      "通用设备制造",
      "专员X",
      day("2025-03-01"),
      10000,
      8000,
      20000,
      500,
      50,
    ]);
    // 注册 planned and done; 开工 planned for 2026-10-01 and not done.
    expect(p1.slice(13, 18)).toEqual([day("2025-04-01"), day("2025-03-20"), undefined, undefined, day("2026-10-01")]);
    expect(sheet.getRow(5).getCell(14).numFmt).toBe("yyyy-mm-dd");
    expect(p1.slice(25)).toEqual([
      7000,
      0.7,
      12000,
      20000,
      600,
      500,
      "C 类（整治提升）",
      "逾期 1 项；即将到期 1 项",
      "协调施工许可，月底前开工（待答复）",
    ]);
    const terminated = valuesOf(sheet, 4);
    expect(terminated.slice(32)).toEqual(["已解约（2026-06-01）", undefined, "解约原因：企业迁出"]);
    // Read a project at a time, the rows are the same and in the same order.
    const oneByOne = await run(fixture.manager, "MANAGER", { park: fixture.pinghu, status: "all" }, 1);
    if (!oneByOne.ok) throw new Error(JSON.stringify(oneByOne.fieldErrors));
    const again = await sheetOf(oneByOne.body);
    expect([4, 5, 6, 7].map((row) => again.getRow(row).getCell(2).value)).toEqual([...names, null]);
  });

  it("[STAFF] exports their own projects only, whatever officer the address names, and the export is audited", async () => {
    const result = await run(fixture.x, "STAFF", { owner: fixture.manager });
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    const sheet = await sheetOf(result.body);
    expect(sheet.getRow(4).getCell(2).value).toBe("平湖精密轴承项目");
    expect(sheet.getRow(5).getCell(2).value).toBeNull();
    expect(sheet.getCell("A1").value).toBe("各园区重点项目推进表（截至 2026年12月6日）");
    const audit = await database.opened.db.auditEntry.findFirstOrThrow({
      where: { action: "project.export", actorId: fixture.x },
    });
    expect(audit.details).toMatchObject({ rows: 1, filter: { owner: fixture.x, status: "ACTIVE" } });
  });

  it("[MANAGER] is refused a filter it cannot read, rather than exporting more than was asked", async () => {
    const result = await run(fixture.manager, "MANAGER", { warning: "soon", status: "gone" });
    expect(result).toEqual({ ok: false, fieldErrors: { warning: "invalid", status: "invalid" } });
    const search = await run(fixture.manager, "MANAGER", { q: "轴承" });
    if (!search.ok) throw new Error(JSON.stringify(search.fieldErrors));
    expect(search.rows).toBe(1);
    const audit = await database.opened.db.auditEntry.findFirstOrThrow({
      where: { action: "project.export", actorId: fixture.manager },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.details).toMatchObject({ search: { characters: 2 }, rows: 1 });
    expect(JSON.stringify(audit.details)).not.toContain("轴承");
  });
}

describe("项目推进表 on PGlite", () => exportSuite(() => openTestPglite()));
describeOnPostgres("项目推进表 on PostgreSQL", () => exportSuite(() => openTestPostgres()));
