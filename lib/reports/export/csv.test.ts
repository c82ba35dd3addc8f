import { describe, expect, it } from "vitest";
import { en } from "../../i18n/messages/en";
import { zhCN } from "../../i18n/messages/zh-CN";
import { BOM, columnHeader, labelOf, plainValue, reportCsv } from "./csv";
import type { ReportTable } from "../table";

const table: ReportTable = {
  key: "reports.tables.pipeline",
  columns: [
    { key: "stage", label: "reports.columns.stage", kind: "text" },
    { key: "leads", label: "reports.columns.leads", kind: "count" },
    { key: "rate", label: "reports.columns.rate", kind: "percent" },
    { key: "tax", label: "reports.columns.tax", kind: "wan" },
    { key: "areaSqm", label: "reports.columns.areaSqm", kind: "area" },
  ],
  rows: [
    { stage: "洽谈", stageEn: "Negotiation", leads: 1234567, rate: 2 / 3, tax: 12345.678912, areaSqm: 3333.335 },
    { stage: '=HYPERLINK("http://x")', leads: 0, rate: null, tax: -0.00001, areaSqm: null },
  ],
};

describe("the report CSV", () => {
  const zh = reportCsv([table, { ...table, key: "funnel", rows: [] }], {
    locale: "zh-CN",
    messages: zhCN,
    range: "本月：2026年10月1日 至 2026年10月31日",
    filters: "全部线索",
  });
  const lines = zh.split("\r\n");

  it("starts with the byte-order mark Excel needs to read UTF-8", () => {
    expect(zh.startsWith(BOM)).toBe(true);
    expect(zh.charCodeAt(1)).not.toBe(0xfeff);
  });

  it("writes each table as a block: title line with period and filters, header with units, rows, blank line", () => {
    expect(lines[0]).toBe(`${BOM}${zhCN.reports.tables.pipeline},本月：2026年10月1日 至 2026年10月31日,全部线索`);
    expect(lines[1]).toBe("阶段,线索数,转化率（%）,预计年税收（万元）,需求面积（m²）");
    expect(lines[4]).toBe("");
    // a table key without a dot is read under reports.tables
    expect(lines[5]).toBe(`${zhCN.reports.tables.funnel},本月：2026年10月1日 至 2026年10月31日,全部线索`);
    expect(lines[6]).toBe(lines[1]);
    expect(lines[7]).toBe("");
  });

  it("writes numbers plain: no grouping, rates as percentages, 万元 to 4 decimals, areas to 2", () => {
    expect(lines[2]).toBe("洽谈,1234567,66.67,12345.6789,3333.34");
  });

  it("neutralises a formula in text and leaves empty figures empty", () => {
    expect(lines[3]).toBe(`"'=HYPERLINK(""http://x"")",0,,0,`);
  });

  it("uses English headers, units and the English twin of a text cell in English", () => {
    const english = reportCsv([table], { locale: "en", messages: en, range: "This month", filters: "All leads" }).split(
      "\r\n",
    );
    expect(english[1]).toBe(
      `Stage,${en.reports.columns.leads},${en.reports.columns.rate} (%),` +
        `${en.reports.columns.tax} (RMB 10k),${en.reports.columns.areaSqm}`,
    );
    expect(english[2].startsWith("Negotiation,1234567,")).toBe(true);
  });
});

describe("report labels and cells", () => {
  it("reads a label as a full key, else under the fallback namespace, else shows the key", () => {
    expect(labelOf(zhCN, "reports.columns.leads", "reports.columns")).toBe(zhCN.reports.columns.leads);
    expect(labelOf(zhCN, "leads", "reports.columns")).toBe(zhCN.reports.columns.leads);
    expect(labelOf(zhCN, "reports.columns.nope", "reports.columns")).toBe("reports.columns.nope");
  });

  it("puts hours and days in the header, in the UI language", () => {
    expect(columnHeader({ key: "m", label: "reports.columns.count", kind: "hours" }, zhCN)).toBe(
      `${zhCN.reports.columns.count}（小时）`,
    );
    expect(columnHeader({ key: "m", label: "reports.columns.count", kind: "days" }, en)).toBe(
      `${en.reports.columns.count} (days)`,
    );
  });

  it("rounds hours to 2 decimals and never writes -0 or a non-finite number", () => {
    const hours = { key: "h", label: "x", kind: "hours" } as const;
    expect(plainValue(hours, { h: 1.23456 }, "zh-CN")).toBe(1.23);
    expect(plainValue(hours, { h: -0.001 }, "zh-CN")).toBe(0);
    expect(plainValue(hours, { h: Number.POSITIVE_INFINITY }, "zh-CN")).toBeNull();
  });
});

describe("a column of durations in the CSV", () => {
  const speed: ReportTable = {
    key: "reportsSpeed.tables.responseByOwner",
    columns: [
      { key: "owner", label: "reports.columns.owner", kind: "text" },
      { key: "median", label: "reportsSpeed.columns.median", kind: "hours" },
      { key: "p90", label: "reportsSpeed.columns.p90", kind: "hours" },
    ],
    rows: [
      { owner: "A", median: 0.2, p90: 30 },
      { owner: "B", median: 0.5, p90: 50 },
      { owner: "C", median: null, p90: null },
    ],
  };
  const csvLines = (locale: "zh-CN" | "en") =>
    reportCsv([speed], { locale, messages: locale === "en" ? en : zhCN, range: "r", filters: "f" })
      .slice(1)
      .split("\r\n");

  it("is written in the unit of its largest figure, named in the header, as the chart reads it", () => {
    const lines = csvLines("zh-CN");
    // Medians up to 30 minutes: whole minutes. p90s up to 50 hours: past two days, so days.
    expect(lines[1]).toBe(`${zhCN.reports.columns.owner},中位数（分钟）,90 分位（天）`);
    expect(lines.slice(2, 5)).toEqual(["A,12,1.25", "B,30,2.08", "C,,"]);
    expect(csvLines("en")[1]).toBe(`${en.reports.columns.owner},Median (minutes),90th percentile (days)`);
  });
});
