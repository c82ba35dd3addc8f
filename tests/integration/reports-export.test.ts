import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionClaims } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { en } from "@/lib/i18n/messages/en";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { updateReserveThresholdAction } from "@/lib/reports/settings/actions";
import { RESERVE_THRESHOLD_KEY } from "@/lib/reports/settings/schema";
import * as csvRoute from "@/app/crm/reports/export/route";
import * as workbookRoute from "@/app/crm/reports/export/workbook/route";
import PrintReportsPage from "@/app/crm/reports/print/page";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { seedReportFixture, type ReportFixture } from "../support/report-fixture";
import { at } from "../support/report-views";
import { renderInLocale } from "../support/render-server";

/*
 * The exports, called through their real doors (route handlers, the server action, the print
 * page) on the reports' fixture. Only Next's request plumbing is replaced: the session (the
 * claims of the user playing the part, checked against the database as in production), cookies
 * and revalidation. The database holds the fixture and nothing else.
 */

const door = vi.hoisted(() => ({
  opened: undefined as OpenedDatabase | undefined,
  claims: null as SessionClaims | null,
  locale: "zh-CN",
}));
vi.mock("@/lib/db/client", () => ({
  getOpenedDatabase: async () => door.opened,
  getDb: async () => {
    if (!door.opened) throw new Error("no test database is open");
    return door.opened.db;
  },
}));
vi.mock("next-auth", () => ({ getServerSession: async () => door.claims, default: () => undefined }));
vi.mock("@/lib/auth/options", () => ({ authOptions: async () => ({}), SESSION_HOURS: 12 }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "locale" ? { name, value: door.locale } : undefined) }),
  headers: async () => new Headers(),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect to ${url}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));

const OCTOBER = "range=custom&from=2026-10-01&to=2026-10-31";
const BOM = "\uFEFF";
/** the wall time an Excel cell shows for a Shanghai time (exceljs reads cells back as UTC) */
const cellTime = (local: string) => new Date(`${local}:00Z`);

function exportSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let fixture: ReportFixture;
  let admin: string;
  let landLead: string;

  const as = (userId: string | null) => {
    door.claims = userId ? { userId, sessionVersion: 0 } : null;
  };
  const csv = (query: string) => csvRoute.GET(new Request(`http://localhost/crm/reports/export?${query}`));
  const workbook = (query: string) =>
    workbookRoute.GET(new Request(`http://localhost/crm/reports/export/workbook?${query}`));
  const audits = (action: string) =>
    database.opened.db.auditEntry.findMany({ where: { action }, orderBy: { createdAt: "asc" } });
  async function sheetOf(response: Response): Promise<ExcelJS.Worksheet> {
    expect(
      response.status,
      await response
        .clone()
        .text()
        .catch(() => ""),
    ).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    return book.worksheets[0];
  }
  const companies = (sheet: ExcelJS.Worksheet) =>
    sheet
      .getColumn(2)
      .values.slice(4)
      .map((value) => String(value).replace(/报表测试有限公司.*/, ""));

  beforeAll(async () => {
    database = await open();
    door.opened = database.opened;
    const { db } = database.opened;
    fixture = await seedReportFixture(db, "fx");
    admin = (
      await db.user.create({
        data: { email: "admin-fx@report.test", name: "管理员fx", role: "ADMIN", passwordHash: "unused" },
      })
    ).id;
    // An open land project from 2025 (outside October's ledger and funnel), for the reserve's 亩均税收.
    landLead = (
      await db.lead.create({
        data: {
          phone: "13900009999",
          company: "土地项目有限公司fx",
          contactName: "土地",
          industry: "新材料",
          needKind: "LAND",
          needArea: 40,
          needAreaUnit: "MU",
          expectedAnnualTax: 400,
          investment: 30000,
          source: "wechat",
          parkId: fixture.parks.p2,
          stageKey: "screening",
          ownerId: fixture.users.b,
          createdAt: at("2025-05-06 09:00"),
          lastInquiryAt: at("2025-05-06 09:00"),
        },
      })
    ).id;
    // L1 signed two units of 3号楼 and still holds a third, which the ledger leaves out.
    const building = await db.building.create({
      data: { parkId: fixture.parks.p1, name: "3号楼", nameEn: "Building 3", kind: "FACTORY" },
    });
    for (const [number, status] of [
      ["202", "SIGNED"],
      ["201", "OCCUPIED"],
      ["301", "HELD"],
    ] as const) {
      await db.unit.create({
        data: {
          buildingId: building.id,
          parkId: fixture.parks.p1,
          floor: Number(number[0]),
          number,
          area: 1200,
          areaUnit: "SQM",
          areaSqm: 1200,
          status,
          leadId: fixture.leads.l1,
        },
      });
    }
  });
  afterAll(async () => {
    door.opened = undefined;
    await database?.cleanup();
  });

  describe("CSV of a report", () => {
    it("[ANONYMOUS] is refused with 401 and nothing is audited", async () => {
      as(null);
      const response = await csv(`report=funnel&${OCTOBER}`);
      expect(response.status).toBe(401);
      expect(await audits("report.export")).toHaveLength(0);
    });

    it("[MANAGER] gets the October funnel as UTF-8 CSV with a BOM, Chinese headers with units, and the hand-worked figures", async () => {
      as(fixture.users.manager);
      const response = await csv(`report=funnel&${OCTOBER}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="funnel_2026-10-01_2026-10-31.csv"; filename*=UTF-8''${encodeURIComponent("转化漏斗_2026-10-01_2026-10-31.csv")}`,
      );
      const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
      expect(body.startsWith(BOM)).toBe(true);
      const lines = body.slice(1).split("\r\n");
      const c = zhCN.reports.columns;
      expect(lines[0]).toBe(`${zhCN.reports.tables.funnel},2026年10月1日 至 2026年10月31日,全部线索`);
      expect(lines[1]).toBe(`${c.stage},${c.reached},${c.toNext}（%）,${c.overallRate}（%）`);
      // Cohort: leads created in October and not merged away = L1, L2, L3, L5, L6 (L4 is September's, L7 merged into L6).
      // Furthest stage reached: L1 signed, L2 negotiation (then lost), L3 site visit (lost, reopened), L5 new,
      // L6 screening (skipped site visit: passing it counts). Reached = leads at or beyond each stage.
      expect(lines.slice(2, 8)).toEqual([
        "新线索,5,80,100", // 4 of 5 went on; 5/5 of the cohort
        "已联系,4,100,80", // all 4 reached site visit or beyond (L6 skipped it)
        "实地考察,4,75,80", // L1, L2, L6 reached screening or beyond: 3/4
        "项目预审,3,66.67,60", // L1, L2 reached negotiation: 2/3
        "洽谈,2,50,40", // L1 signed: 1/2
        "签约,1,,20", // nothing after signing
      ]);
      expect(lines[8]).toBe("");
      // Second block: the cohort, and the one of it lost now (L2; L3 was reopened).
      expect(lines[11]).toBe("5,1,20");
    });

    it("[MANAGER] audits the export with the report, the format and the filter", async () => {
      const [entry] = (await audits("report.export")).filter((row) => row.entityId === "funnel");
      expect(entry).toMatchObject({ actorId: fixture.users.manager, entityType: "Report" });
      expect(entry.details).toMatchObject({
        report: "funnel",
        format: "csv",
        filter: { range: "custom", from: "2026-10-01", to: "2026-10-31" },
      });
    });

    it("[STAFF] gets their own figures only, whatever owner the URL names", async () => {
      as(fixture.users.a);
      const response = await csv(`report=funnel&${OCTOBER}&owner=${fixture.users.b}`);
      const lines = (await response.text()).split("\r\n");
      // Officer A's October cohort: L1 (signed), L2 (negotiation, then lost), L6 (screening); L5 is in the pool, L3 is B's.
      expect(lines[0]).toContain("负责人：officer-a-fx");
      expect(lines.slice(2, 8)).toEqual([
        "新线索,3,100,100",
        "已联系,3,100,100",
        "实地考察,3,100,100", // L6 skipped it, L2 too: both passed it
        "项目预审,3,66.67,100", // L1 and L2 went on to negotiation
        "洽谈,2,50,66.67",
        "签约,1,,33.33",
      ]);
    });

    it("[MANAGER] in English gets English headers, stage names and units", async () => {
      as(fixture.users.manager);
      door.locale = "en";
      try {
        const response = await csv(`report=pipeline&${OCTOBER}&park=${fixture.parks.p2}`);
        const lines = (await response.text()).split("\r\n");
        expect(response.headers.get("content-disposition")).toContain(
          encodeURIComponent(`${en.reports.tabs.pipeline.replace(/\s+/g, "-")}_2026-10-01_2026-10-31.csv`),
        );
        // A snapshot says so instead of naming the period; the park goes by its English name.
        expect(lines[0]).toMatch(
          new RegExp(
            `^${en.reports.tables.pipeline},"?Live figures as of .+ \\(the period does not apply\\)"?,Park: p2$`,
          ),
        );
        expect(lines[1]).toBe(
          `Stage,${en.reports.columns.leads},${en.reports.columns.tax} (RMB 10k),${en.reports.columns.areaSqm},${en.reports.columns.areaMu},${en.reports.columns.investment} (RMB 10k)`,
        );
        // Park P2's open leads now: L3 at site visit (tax 50), L6 and the 2025 land project at screening (300 + 400).
        expect(lines).toContain("Site visit,1,50,500,0.75,800");
        expect(lines).toContain("Screening,2,700,30666.8,46,36000");
      } finally {
        door.locale = "zh-CN";
      }
    });

    it("[MANAGER] reads sources, the direct visit and the pool as words, in Chinese and in English", async () => {
      as(fixture.users.manager);
      const chinese = (await (await csv(`report=conversion&${OCTOBER}&source=baidu`)).text()).split("\r\n");
      // The filter line names the source as a word too.
      expect(chinese[0]).toContain("来源：百度");
      expect(chinese).toContain("百度,4,3,1,33.33,180");
      const all = (await (await csv(`report=conversion&${OCTOBER}`)).text()).split("\r\n");
      // L3 and L6 came with no campaign; L5 has no owner.
      expect(all).toContain("直接访问,3,2,0,0,0");
      expect(all.some((line) => line.startsWith("公海,"))).toBe(true);
      expect(all.some((line) => /^(baidu|direct|未分配),/.test(line))).toBe(false);
      door.locale = "en";
      try {
        const english = (await (await csv(`report=conversion&${OCTOBER}`)).text()).split("\r\n");
        expect(english).toContain("Baidu,4,3,1,33.33,180");
        expect(english).toContain("Direct,3,2,0,0,0");
        expect(english.some((line) => line.startsWith("Pool,"))).toBe(true);
      } finally {
        door.locale = "zh-CN";
      }
    });

    it("refuses an unknown report or a filter it cannot read with 400, naming the parameter", async () => {
      as(fixture.users.manager);
      const unknown = await csv(`report=ledger&${OCTOBER}`);
      expect(unknown.status).toBe(400);
      expect(await unknown.text()).toContain(zhCN.reports.tabs.label);
      const badRange = await csv("report=funnel&range=custom&from=2026-10-31&to=2026-10-01");
      expect(badRange.status).toBe(400);
      expect(await badRange.text()).toContain(zhCN.reports.filters.to);
    });

    it("neutralises a cell that a spreadsheet would run as a formula", async () => {
      as(fixture.users.manager);
      await database.opened.db.lead.create({
        data: {
          phone: "13900008888",
          company: "公式测试",
          contactName: "x",
          industry: '=HYPERLINK("http://evil")',
          source: "@SUM(A1)",
          createdAt: at("2027-10-10 10:00"),
          lastInquiryAt: at("2027-10-10 10:00"),
        },
      });
      const body = await (await csv("report=conversion&range=custom&from=2027-10-01&to=2027-10-31")).text();
      expect(body).toContain(`"'=HYPERLINK(""http://evil"")"`);
      expect(body).toContain("'@SUM(A1)");
      expect(body).not.toMatch(/(^|,)[=@]/m);
    });
  });

  describe("the 招商台账 workbook", () => {
    it("[ANONYMOUS] is refused with 401; a sheet that does not exist is 400", async () => {
      as(null);
      expect((await workbook(`sheet=ledger&${OCTOBER}`)).status).toBe(401);
      as(fixture.users.manager);
      expect((await workbook(`sheet=nope&${OCTOBER}`)).status).toBe(400);
    });

    it("[MANAGER] lists every project received or moved in October, in the order received, with numbers and dates as such", async () => {
      as(fixture.users.manager);
      const response = await workbook(`sheet=ledger&${OCTOBER}`);
      expect(response.headers.get("content-disposition")).toContain(
        encodeURIComponent("招商台账_2026-10-01_2026-10-31.xlsx"),
      );
      const sheet = await sheetOf(response);
      expect(sheet.getCell("A1").value).toBe("招商台账（2026年10月1日 至 2026年10月31日）");
      expect(String(sheet.getCell("A2").value)).toContain("筛选条件：全部线索");
      expect(sheet.getRow(3).values).toEqual([
        undefined,
        "序号",
        "公司",
        "行业/用途",
        "投资额（万元）",
        "预计年税收（万元）",
        "需求面积",
        "面积单位",
        "阶段",
        "负责人",
        "来源",
        "园区",
        "收到日期",
        "最近跟进",
        "签约日期",
        "签约面积",
        "签约面积单位",
        "签约税收（万元）",
        "签约单元",
      ]);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
      // L4 came in September but moved stage in October; L7 was merged away; L8 (2025), L9 (November) and the land project are outside.
      expect(companies(sheet)).toEqual(["L4", "L6", "L1", "L2", "L3", "L5"]);
      const l1 = sheet.getRow(6);
      expect(l1.values).toEqual([
        undefined,
        3,
        "L1报表测试有限公司fx",
        "精密机械",
        5000,
        200,
        3000,
        "m²",
        "签约",
        "officer-a-fx",
        "百度",
        "报表园区一fx",
        cellTime("2026-10-08 10:00"),
        cellTime("2026-10-08 10:30"),
        cellTime("2026-10-25 10:00"),
        2800,
        "m²",
        180,
        "3号楼 201、202（2,400 m²）",
      ]);
      expect(l1.getCell(4).numFmt).toBe("#,##0.00");
      expect(l1.getCell(12).numFmt).toBe("yyyy-mm-dd hh:mm");
      // The pool lead has no owner and no follow-up yet; L3 came direct.
      expect(sheet.getRow(9).getCell(9).value).toBe("公海");
      expect(sheet.getRow(8).getCell(10).value).toBe("直接访问");
      expect(sheet.getRow(9).getCell(13).value).toBeNull();
    });

    it("[MANAGER] in English gets English headers, stage and park names", async () => {
      as(fixture.users.manager);
      door.locale = "en";
      try {
        const response = await workbook(`sheet=ledger&${OCTOBER}&park=${fixture.parks.p1}`);
        expect(response.headers.get("content-disposition")).toContain('filename="ledger_2026-10-01_2026-10-31.xlsx"');
        const sheet = await sheetOf(response);
        expect(sheet.getRow(3).getCell(2).value).toBe("Company");
        expect(sheet.getRow(3).getCell(4).value).toBe("Investment (RMB 10k)");
        // Park P1 in October: L1, L2, L5 (L4 and L6 are P2's).
        expect(companies(sheet)).toEqual(["L1", "L2", "L5"]);
        expect(sheet.getRow(4).getCell(8).value).toBe("Signed");
        expect(sheet.getRow(4).getCell(11).value).toBe("p1");
        expect(sheet.getRow(6).getCell(9).value).toBe("Pool");
        expect(sheet.getRow(4).getCell(10).value).toBe("Baidu");
        expect(sheet.getRow(4).getCell(18).value).toBe("Building 3 201, 202 (2,400 m²)");
      } finally {
        door.locale = "zh-CN";
      }
    });

    it("[STAFF] lists their own projects only; the export is audited", async () => {
      as(fixture.users.a);
      const sheet = await sheetOf(await workbook(`sheet=ledger&${OCTOBER}`));
      expect(companies(sheet)).toEqual(["L6", "L1", "L2"]);
      const entry = (await audits("report.export")).find(
        (row) => row.entityId === "ledger" && row.actorId === fixture.users.a,
      );
      expect(entry?.details).toMatchObject({
        report: "ledger",
        format: "xlsx",
        filter: { from: "2026-10-01", to: "2026-10-31" },
      });
    });
  });

  describe("the 项目储备库 workbook and its threshold", () => {
    it("[MANAGER] lists open projects investing at least 1000 万元 by default, whenever received, with 亩均税收", async () => {
      as(fixture.users.manager);
      const response = await workbook(`sheet=reserve&${OCTOBER}`);
      // A snapshot, named by the day it was taken.
      expect(response.headers.get("content-disposition")).toMatch(
        /filename="reserve_\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%82%A8%E5%A4%87%E5%BA%93_/,
      );
      const sheet = await sheetOf(response);
      expect(sheet.getCell("A1").value).toBe("项目储备库（投资额门槛：1,000 万元）");
      expect(sheet.getRow(3).getCell(18).value).toBe("亩均税收（万元/亩）");
      // Open: L3 (800 < 1000), L5 (1000), L6 (6000), L9 (900), the land project (30000); L1, L4, L8 signed, L2 lost.
      expect(companies(sheet)).toEqual(["土地项目有限公司fx", "L6", "L5"]);
      expect(sheet.getRow(4).getCell(18).value).toBe(10); // 400 万元 over 40 亩
      expect(sheet.getRow(5).getCell(18).value).toBeNull(); // a factory floor in m² has no 亩均
    });

    it("[MANAGER] and [STAFF] may not change the threshold; [ANONYMOUS] neither", async () => {
      for (const user of [fixture.users.manager, fixture.users.a, null]) {
        as(user);
        expect(await updateReserveThresholdAction({ threshold: "10" })).toEqual({ ok: false, error: "forbidden" });
      }
      expect(await database.opened.db.setting.findUnique({ where: { key: RESERVE_THRESHOLD_KEY } })).toBeNull();
    });

    it("[ADMIN] gets a field error for a threshold that is not a number", async () => {
      as(admin);
      expect(await updateReserveThresholdAction({ threshold: "abc" })).toEqual({
        ok: false,
        fieldErrors: { threshold: "amount" },
      });
      expect(await updateReserveThresholdAction({ threshold: "" })).toEqual({
        ok: false,
        fieldErrors: { threshold: "required" },
      });
    });

    it("[ADMIN] lowers it to 500 万元: audited, and the next reserve follows", async () => {
      as(admin);
      expect(await updateReserveThresholdAction({ threshold: "500" })).toEqual({ ok: true, changed: true });
      expect(await updateReserveThresholdAction({ threshold: 500 })).toEqual({ ok: true, changed: false });
      const [entry] = (await audits("settings.update")).filter((row) => row.entityId === RESERVE_THRESHOLD_KEY);
      expect(entry).toMatchObject({ actorId: admin, details: { before: 1000, after: 500 } });
      as(fixture.users.manager);
      const sheet = await sheetOf(await workbook(`sheet=reserve&${OCTOBER}`));
      expect(companies(sheet)).toEqual(["土地项目有限公司fx", "L6", "L3", "L5", "L9"]);
      expect(sheet.getCell("A1").value).toBe("项目储备库（投资额门槛：500 万元）");
    });

    it("[STAFF] sees their own projects in the reserve", async () => {
      as(fixture.users.b);
      expect(companies(await sheetOf(await workbook("sheet=reserve")))).toEqual(["土地项目有限公司fx", "L3"]);
      expect(landLead).toBeTruthy();
    });
  });

  describe("the printable page", () => {
    it("[MANAGER] prints every report with the period, the filters, the time and who printed it; audited when opened", async () => {
      as(fixture.users.manager);
      const page = await PrintReportsPage({
        searchParams: Promise.resolve({
          report: "all",
          range: "custom",
          from: "2026-10-01",
          to: "2026-10-31",
          park: fixture.parks.p1,
        }),
      });
      // As a page renders: the report sections are async server components.
      const html = await renderInLocale(page, "zh-CN");
      expect(html).toContain("全部报表");
      expect(html).toContain("2026年10月1日 至 2026年10月31日");
      expect(html).toContain("园区：报表园区一fx");
      expect(html).toContain("manager-fx");
      // The pipeline shows the present, and its paper says so.
      expect(html).toMatch(/截至 .+ 的实时数据（不受统计期间影响）/);
      for (const tab of ["funnel", "conversion", "speed", "loss", "trend", "pipeline"] as const)
        expect(html).toContain(zhCN.reports.tabs[tab]);
      const entry = (await audits("report.print")).at(-1);
      expect(entry).toMatchObject({
        actorId: fixture.users.manager,
        entityId: "all",
        details: { report: "all", format: "print", filter: { park: fixture.parks.p1 } },
      });
    });

    it("[STAFF] is told which parameter is wrong instead of getting other figures, and nothing is audited", async () => {
      as(fixture.users.a);
      const before = (await audits("report.print")).length;
      const html = await renderInLocale(
        await PrintReportsPage({ searchParams: Promise.resolve({ report: "everything" }) }),
        "zh-CN",
      );
      expect(html).toContain(`打印条件有误：${zhCN.reports.tabs.label}。`);
      expect(await audits("report.print")).toHaveLength(before);
    });
  });
}

describe("report exports on PGlite", () => exportSuite(() => openTestPglite()));
describeOnPostgres("report exports on PostgreSQL", () => exportSuite(() => openTestPostgres()));
