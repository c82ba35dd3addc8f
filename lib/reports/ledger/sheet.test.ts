import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { zhCN } from "../../i18n/messages/zh-CN";
import { excelDate, projectWorkbook, taxPerMu } from "./sheet";

describe("亩均税收 in the reserve workbook", () => {
  it("divides the expected tax by the land wanted in 亩", () => {
    expect(taxPerMu({ tax: 500, needArea: 50, needAreaUnit: "MU", needKind: "LAND" })).toBe(10);
    expect(taxPerMu({ tax: 100, needArea: 30, needAreaUnit: "MU", needKind: "FACTORY" })).toBe(3.33);
  });

  it("converts land wanted in m² at 666.67 m² a 亩", () => {
    expect(taxPerMu({ tax: 80, needArea: 6666.7, needAreaUnit: "SQM", needKind: "LAND" })).toBe(8);
  });

  it("has none for a floor area in m², a missing tax or no area", () => {
    expect(taxPerMu({ tax: 80, needArea: 1000, needAreaUnit: "SQM", needKind: "FACTORY" })).toBeNull();
    expect(taxPerMu({ tax: null, needArea: 20, needAreaUnit: "MU", needKind: "LAND" })).toBeNull();
    expect(taxPerMu({ tax: 80, needArea: 0, needAreaUnit: "MU", needKind: "LAND" })).toBeNull();
    expect(taxPerMu({ tax: 80, needArea: null, needAreaUnit: null, needKind: "LAND" })).toBeNull();
  });
});

describe("dates in the workbooks", () => {
  it("hold the Asia/Shanghai wall time, since Excel has no time zones", () => {
    // 2026-10-08 10:00 in Shanghai is 02:00 UTC; the cell must read 10:00.
    expect(excelDate(new Date("2026-10-08T02:00:00Z"))?.toISOString()).toBe("2026-10-08T10:00:00.000Z");
    // 23:30 UTC on the 31st is already November 1st in Shanghai.
    expect(excelDate(new Date("2026-10-31T23:30:00Z"))?.toISOString().slice(0, 10)).toBe("2026-11-01");
    expect(excelDate(null)).toBeNull();
  });
});

describe("a workbook longer than Excel allows", () => {
  it("stops at the last row Excel opens with a line saying what is missing, and reads no further", async () => {
    let batchesRead = 0;
    async function* rows() {
      for (let batch = 0; batch < 5; batch++) {
        batchesRead += 1;
        yield [1, 2].map((n) => ({
          id: `${batch}-${n}`,
          company: `公司${batch}-${n}`,
          industry: null,
          use: null,
          needKind: null,
          investment: 1000,
          tax: null,
          needArea: null,
          needAreaUnit: null,
          stageName: "新线索",
          stageNameEn: "New",
          ownerName: null,
          source: "direct",
          parkName: null,
          parkNameEn: null,
          createdAt: new Date("2026-10-08T02:00:00Z"),
          lastActivityAt: null,
          signedAt: null,
          signedArea: null,
          signedAreaUnit: null,
          signedTax: null,
          units: null,
        }));
      }
    }
    const body = projectWorkbook({
      sheetName: "s",
      title: "t",
      notes: ["n"],
      columns: ["index", "company"],
      rows: rows(),
      locale: "zh-CN",
      messages: zhCN,
      maxRows: 7,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await new Response(body).arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    // Title, notes, header, then 3 projects (rows 4–6) and the note as row 7, the last one allowed.
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(6).values).toEqual([undefined, 3, "公司1-1"]);
    expect(String(sheet.getCell("A7").value)).toContain("只导出了前 3 行");
    expect(batchesRead).toBe(2);
  });
});
