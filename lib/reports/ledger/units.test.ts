import { describe, expect, it } from "vitest";
import { en } from "../../i18n/messages/en";
import { zhCN } from "../../i18n/messages/zh-CN";
import { unitsText, type LedgerUnit } from "./units";

const unit = (building: string, number: string, area: number, areaUnit: "SQM" | "MU" = "SQM"): LedgerUnit => ({
  building,
  buildingEn: building === "3号楼" ? "Building 3" : "",
  number,
  area,
  areaUnit,
  areaSqm: areaUnit === "MU" ? Math.round(area * 666.67 * 100) / 100 : area,
});

describe("a signed lead's units in the ledger", () => {
  const zh = { locale: "zh-CN" as const, messages: zhCN };

  it("groups the numbers by building and adds up their area", () => {
    expect(unitsText([unit("3号楼", "201", 1200), unit("3号楼", "202", 1200)], zh)).toBe("3号楼 201、202（2,400 m²）");
    expect(unitsText([unit("3号楼", "201", 1200.5), unit("5号楼", "101", 800)], zh)).toBe(
      "3号楼 201；5号楼 101（2,000.5 m²）",
    );
  });

  it("adds plots up in 亩, and in m² once a floor area is among them", () => {
    expect(unitsText([unit("一期地块", "地块A", 20, "MU"), unit("一期地块", "地块B", 30, "MU")], zh)).toBe(
      "一期地块 地块A、地块B（50 亩）",
    );
    expect(unitsText([unit("一期地块", "地块A", 3, "MU"), unit("3号楼", "201", 1000)], zh)).toBe(
      "一期地块 地块A；3号楼 201（3,000.01 m²）",
    );
  });

  it("names buildings in English where they have an English name", () => {
    expect(unitsText([unit("3号楼", "201", 1200), unit("5号楼", "101", 800)], { locale: "en", messages: en })).toBe(
      "Building 3 201; 5号楼 101 (2,000 m²)",
    );
  });

  it("is empty for a lead without units", () => {
    expect(unitsText(null, zh)).toBeNull();
    expect(unitsText([], zh)).toBeNull();
  });
});
