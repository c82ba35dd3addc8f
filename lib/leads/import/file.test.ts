import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { zhCN } from "../../i18n/messages/zh-CN";
import { projectColumns, projectWorkbook } from "../../reports/ledger/sheet";
import type { ProjectRow } from "../../reports/ledger/rows";
import { recogniseColumns } from "./columns";
import { ImportFileError, MAX_IMPORT_ROWS, numberText, readImportFile } from "./file";
import { parseImportRow } from "./row";

const utf8 = (text: string) => new TextEncoder().encode(text);
const refusal = async (bytes: Uint8Array, name: string) => {
  const error = await readImportFile(bytes, name).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as ImportFileError).key;
};

async function workbookBytes(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("线索"));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("reading a CSV", () => {
  it("reads GBK as Excel on a Chinese Windows saves it, under a title block, skipping blank rows", async () => {
    const bytes = readFileSync(new URL("../../../tests/fixtures/import/gbk-ledger.csv", import.meta.url));
    const sheet = await readImportFile(bytes, "台账.csv");
    expect(sheet).toMatchObject({ fileType: "csv", encoding: "gb18030", headerRow: 2 });
    expect(sheet.headers).toEqual([
      "公司名称",
      "联系人",
      "手机号",
      "需求面积（亩）",
      "用途",
      "预计税收",
      "负责人",
      "阶段",
      "登记日期",
    ]);
    expect(sheet.rows.map((row) => row.rowNumber)).toEqual([3, 4, 6]);
    expect(sheet.rows[0].cells).toEqual([
      "苏州精密机械有限公司",
      "王小明",
      "13812345678",
      "50",
      "精密零部件加工",
      "1,200",
      "",
      "新线索",
      "2026/3/5",
    ]);
    expect(sheet.rows[1].cells[2]).toBe("+86 139-0013-8000");
  });

  it("reads the GBK ledger's rows through its recognised columns, the area in 亩 as its header says", async () => {
    const bytes = readFileSync(new URL("../../../tests/fixtures/import/gbk-ledger.csv", import.meta.url));
    const sheet = await readImportFile(bytes, "台账.csv");
    const mapping = recogniseColumns(sheet.headers);
    expect(Object.values(mapping)).toEqual([
      "company",
      "contactName",
      "phone",
      "needAreaMu",
      "use",
      "expectedAnnualTax",
      "owner",
      "stage",
      "createdAt",
    ]);
    const lookups = {
      stages: [
        { key: "new", name: "新线索", nameEn: "New", category: "OPEN" as const },
        { key: "contacted", name: "已联系", nameEn: "Contacted", category: "OPEN" as const },
        { key: "negotiation", name: "洽谈", nameEn: "Negotiation", category: "OPEN" as const },
      ],
      users: [],
      parks: [],
      listings: [],
      lostReasons: [],
      now: new Date("2026-12-06T00:00:00Z"),
    };
    const [first, second, third] = sheet.rows.map((row) => parseImportRow(row.cells, mapping, lookups));
    expect(first).toMatchObject({
      ok: true,
      values: { needArea: "50", needAreaUnit: "MU", expectedAnnualTax: "1200", stageKey: "new", ownerId: null },
    });
    expect(second).toMatchObject({
      ok: true,
      values: {
        phone: "13900138000",
        needArea: "12.5",
        expectedAnnualTax: "300",
        createdAt: "2026-04-01T01:30:00.000Z",
      },
    });
    expect(third).toEqual({ ok: false, errors: { phone: "phone" } });
  });

  it("reads UTF-8 with and without a byte-order mark alike", async () => {
    const text = "公司名称,联系人,手机号\r\n苏州精密机械有限公司,王小明,13812345678\r\n";
    const plain = await readImportFile(utf8(text), "a.csv");
    const marked = await readImportFile(utf8(`\uFEFF${text}`), "a.csv");
    expect(plain.encoding).toBe("utf-8");
    expect(marked).toEqual(plain);
    expect(marked.headers[0]).toBe("公司名称");
  });

  it.each([
    ["tab", "\t"],
    ["semicolon", ";"],
  ])("takes a %s as the delimiter when the header row is split by it", async (_name, delimiter) => {
    const text = [
      ["Company", "Contact", "Mobile", "Notes"],
      ["Acme, Inc.", "Li Hua", "13812345678", "a, b"],
    ]
      .map((cells) => cells.join(delimiter))
      .join("\n");
    const sheet = await readImportFile(utf8(text), "leads.CSV");
    expect(sheet.headers).toEqual(["Company", "Contact", "Mobile", "Notes"]);
    expect(sheet.rows[0].cells).toEqual(["Acme, Inc.", "Li Hua", "13812345678", "a, b"]);
  });

  it("keeps quoted commas and line breaks, and reads back the export's guard against formulas", async () => {
    const text = '公司,联系人,手机号,备注\n"Acme, Inc.",王小明,\'+8613812345678,"第一行\n第二行"\n';
    const sheet = await readImportFile(utf8(text), "x.csv");
    expect(sheet.rows).toEqual([{ rowNumber: 2, cells: ["Acme, Inc.", "王小明", "+8613812345678", "第一行\n第二行"] }]);
  });

  it("finds a header of the admin's own words once they were remembered", async () => {
    const text = "台账\n客户简称,对接人,电话号\n甲公司,张三,13812345678\n";
    expect(await refusal(utf8(text), "x.csv")).toBe("noHeader");
    const sheet = await readImportFile(utf8(text), "x.csv", { remembered: { 客户简称: "company", 电话号: "phone" } });
    expect(sheet).toMatchObject({ headerRow: 2, headers: ["客户简称", "对接人", "电话号"] });
  });

  it("pads short rows to the header's width", async () => {
    const sheet = await readImportFile(utf8("公司,联系人,手机号,备注\n甲公司,张三\n"), "x.csv");
    expect(sheet.rows[0].cells).toEqual(["甲公司", "张三", "", ""]);
  });
});

describe("reading an .xlsx", () => {
  it("reads the first sheet with data: numbers as written, dates as wall time, rich text and formulas as text", async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(["2026 年招商台账"]);
      sheet.addRow([]);
      sheet.addRow(["公司名称", "联系人", "手机", "投资额", "登记日期", "备注", "合计"]);
      const row = sheet.addRow([
        { richText: [{ text: "苏州" }, { text: "精密机械有限公司", font: { bold: true } }] },
        "  王小明 ",
        13812345678,
        1234.4999999999998,
        new Date(Date.UTC(2026, 2, 5, 9, 30, 0, 4)),
        null,
        { formula: "D4*2", result: 2469 },
      ]);
      row.getCell(5).numFmt = "yyyy-mm-dd hh:mm";
    });
    const sheet = await readImportFile(bytes, "台账.xlsx");
    expect(sheet).toMatchObject({ fileType: "xlsx", encoding: null, headerRow: 3 });
    expect(sheet.rows).toEqual([
      {
        rowNumber: 4,
        cells: ["苏州精密机械有限公司", "王小明", "13812345678", "1234.5", "2026-03-05 09:30", "", "2469"],
      },
    ]);
  });

  it("reads back the app's own 台账 workbook under its title block, dates unshifted", async () => {
    const row: ProjectRow = {
      id: "l1",
      company: "苏州精密机械有限公司",
      industry: "装备制造",
      use: null,
      investment: 5000,
      tax: 320.5,
      needArea: 50,
      needAreaUnit: "MU",
      needKind: "LAND",
      stageName: "洽谈",
      stageNameEn: "Negotiation",
      ownerName: "王招商",
      source: "expo",
      parkName: "平湖园",
      parkNameEn: "Pinghu Park",
      createdAt: new Date("2026-03-05T01:30:00Z"),
      lastActivityAt: null,
      signedAt: null,
      signedArea: null,
      signedAreaUnit: null,
      signedTax: null,
      units: null,
    };
    const stream = projectWorkbook({
      sheetName: "台账",
      title: "招商台账",
      notes: ["导出时间：2026-03-06 10:00"],
      columns: projectColumns,
      rows: (async function* () {
        yield [row];
      })(),
      locale: "zh-CN",
      messages: zhCN,
    });
    const sheet = await readImportFile(new Uint8Array(await new Response(stream).arrayBuffer()), "台账.xlsx");
    expect(sheet.headerRow).toBe(3);
    expect(sheet.headers[1]).toBe("公司");
    const cells = Object.fromEntries(sheet.headers.map((header, index) => [header, sheet.rows[0].cells[index]]));
    expect(cells).toMatchObject({
      公司: "苏州精密机械有限公司",
      "投资额（万元）": "5000",
      "预计年税收（万元）": "320.5",
      需求面积: "50",
      面积单位: "亩",
      阶段: "洽谈",
      负责人: "王招商",
      收到日期: "2026-03-05 09:30",
    });
  });
});

describe("refusing a file", () => {
  it("names what is wrong with it", async () => {
    const xlsx = await workbookBytes((sheet) => sheet.addRow(["公司", "联系人"]));
    expect(await refusal(utf8("公司,联系人\n"), "leads.xls")).toBe("unsupportedType");
    expect(await refusal(utf8("公司,联系人\n"), "leads")).toBe("unsupportedType");
    expect(await refusal(utf8("公司,联系人\n"), "leads.xlsx")).toBe("notXlsx");
    expect(await refusal(xlsx, "leads.csv")).toBe("notCsv");
    expect(await refusal(new Uint8Array(), "leads.csv")).toBe("empty");
    expect(await refusal(utf8("\r\n,,\r\n"), "leads.csv")).toBe("empty");
    expect(await refusal(utf8("甲,乙,丙\n1,2,3\n"), "leads.csv")).toBe("noHeader");
    expect(await refusal(utf8("公司,联系人\n"), "leads.csv")).toBe("noRows");
    expect(await refusal(xlsx, "leads.xlsx")).toBe("noRows");
    expect(await refusal(new Uint8Array(10 * 1024 * 1024 + 1), "leads.csv")).toBe("tooLarge:10");
    expect(await refusal(utf8("a\u0000b"), "leads.csv")).toBe("unreadable");
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "leads.xlsx")).toBe("unreadable");
  });

  it("takes 50,000 data rows and refuses one more", async () => {
    const lines = (count: number) => `公司,手机号\n${"甲公司,13812345678\n".repeat(count)}`;
    expect((await readImportFile(utf8(lines(MAX_IMPORT_ROWS)), "a.csv")).rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(await refusal(utf8(lines(MAX_IMPORT_ROWS + 1)), "a.csv")).toBe(`tooManyRows:${MAX_IMPORT_ROWS}`);
  });
});

describe("numbers as text", () => {
  it("show what Excel shows, without floating-point noise", () => {
    expect(numberText(0.1 + 0.2)).toBe("0.3");
    expect(numberText(13812345678)).toBe("13812345678");
    expect(numberText(-12.5)).toBe("-12.5");
    expect(numberText(Number.NaN)).toBe("");
  });
});

describe("a large workbook of Chinese text", () => {
  it("reads every character whole, wherever the file's parts were cut into chunks", async () => {
    const company = (index: number) => `上海锐精智能制造有限公司第${index}号新能源汽车零部件精密加工生产线建设项目`;
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(["公司名称", "联系人", "手机号"]);
      for (let index = 0; index < 3000; index++)
        sheet.addRow([company(index), `王芳${index}`, `138${String(index).padStart(8, "0")}`]);
    });
    const read = await readImportFile(bytes, "大表.xlsx");
    expect(read.rows).toHaveLength(3000);
    expect(read.rows.filter((row) => row.cells.join("").includes("\uFFFD"))).toEqual([]);
    expect(read.rows.map((row) => row.cells[0])).toEqual(Array.from({ length: 3000 }, (_, index) => company(index)));
  });
});
