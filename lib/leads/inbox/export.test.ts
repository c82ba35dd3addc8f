import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "../../csv";
import { shanghaiDateTime } from "./export";

describe("CSV cells", () => {
  it("leave plain text and numbers as they are", () => {
    expect(csvLine(["苏州精密机械有限公司", "王小明", 87, null, undefined, "12.5"])).toBe(
      "苏州精密机械有限公司,王小明,87,,,12.5\r\n",
    );
  });

  it("quote commas, quotes, line breaks and edge spaces (RFC 4180)", () => {
    expect(csvCell("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(csvCell('说"你好"')).toBe('"说""你好"""');
    expect(csvCell("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
    expect(csvCell(" padded ")).toBe('" padded "');
  });

  it.each([
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
    ["+8613812345678", "'+8613812345678"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
  ])("neutralise a formula: %s", (value, shown) => {
    const cell = csvCell(value);
    expect(cell.replace(/^"|"$/g, "").replace(/""/g, '"')).toBe(shown);
  });

  it("neutralises before quoting, so a quoted formula is still text", () => {
    expect(csvCell('=1+1,"x"')).toBe('"\'=1+1,""x"""');
  });

  it("writes numbers, not text, for numbers, and nothing for a non-finite one", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(Number.NaN)).toBe("");
  });
});

describe("export dates", () => {
  it("are Asia/Shanghai wall-clock time whatever the server's zone", () => {
    expect(shanghaiDateTime(new Date("2026-11-26T16:30:00Z"))).toBe("2026-11-27 00:30");
    expect(shanghaiDateTime(null)).toBe("");
  });
});
