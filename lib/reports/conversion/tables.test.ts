import { describe, expect, it } from "vitest";
import { conversionTables, type ConversionGroup } from "./tables";

const group = (
  dimension: ConversionGroup["dimension"],
  value: string | null,
  leads: number,
  signed = 0,
  label: string | null = null,
): ConversionGroup => ({
  dimension,
  value,
  label,
  labelEn: label ? `${label} (en)` : null,
  inquiries: leads + 1,
  leads,
  signed,
  signedRate: leads ? signed / leads : null,
  signedTax: signed * 100,
});

describe("the conversion tables", () => {
  it("name the rows without a value, keep the English twin, and close each table with the total", () => {
    const tables = conversionTables([
      group("owner", "u1", 2, 1, "officer-a"),
      group("owner", null, 1),
      group("listing", null, 3, 1),
      group("park", "p1", 3, 1, "园区一"),
      group("total", null, 3, 1),
    ]);
    const owner = tables.find((table) => table.key === "reportsConversion.tables.owner");
    expect(owner?.columns.map((column) => [column.key, column.kind])).toEqual([
      ["owner", "text"],
      ["inquiries", "count"],
      ["leads", "count"],
      ["signed", "count"],
      ["signedRate", "percent"],
      ["signedTax", "wan"],
    ]);
    expect(owner?.rows).toEqual([
      {
        owner: "officer-a",
        ownerEn: "officer-a (en)",
        inquiries: 3,
        leads: 2,
        signed: 1,
        signedRate: 0.5,
        signedTax: 100,
      },
      { owner: "公海", ownerEn: "Pool", inquiries: 2, leads: 1, signed: 0, signedRate: 0, signedTax: 0 },
      {
        owner: "合计",
        ownerEn: "Total",
        row: "total",
        inquiries: 4,
        leads: 3,
        signed: 1,
        signedRate: 1 / 3,
        signedTax: 100,
      },
    ]);
    expect(tables.find((table) => table.key === "reportsConversion.tables.listing")?.rows[0]).toMatchObject({
      listing: "未关联房源",
      listingEn: "No listing",
    });
    expect(tables.find((table) => table.key === "reportsConversion.tables.park")?.rows[0]).toMatchObject({
      park: "园区一",
      parkEn: "园区一 (en)",
    });
  });

  it("name sources, UTM media and a direct visit in both languages, and keep a referring host as it is", () => {
    const tables = conversionTables([
      group("source", "listing", 2),
      group("source", "my-campaign", 1),
      group("medium", "direct", 2),
      group("medium", "cpc", 1),
      group("referrer", "direct", 2),
      group("referrer", "m.baidu.com", 1),
      group("total", null, 3),
    ]);
    const names = (dimension: string) =>
      tables
        .find((table) => table.key === `reportsConversion.tables.${dimension}`)
        ?.rows.map((row) => [row[dimension], row[`${dimension}En`] ?? null]);
    expect(names("source")).toEqual([
      ["房源页", "Listing page"],
      // A campaign's own utm_source has no word: shown as it was sent.
      ["my-campaign", "my-campaign"],
      ["合计", "Total"],
    ]);
    expect(names("medium")).toEqual([
      ["直接访问", "Direct"],
      ["付费搜索", "Paid search"],
      ["合计", "Total"],
    ]);
    expect(names("referrer")).toEqual([
      ["直接访问", "Direct"],
      ["m.baidu.com", null],
      ["合计", "Total"],
    ]);
  });

  it("give every table without rows when the cohort is empty", () => {
    const tables = conversionTables([group("total", null, 0)]);
    expect(tables.map((table) => table.key.split(".").pop())).toEqual([
      "source",
      "medium",
      "referrer",
      "listing",
      "park",
      "owner",
      "industry",
    ]);
    expect(tables.every((table) => table.rows.length === 0)).toBe(true);
  });
});
