import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings/schema";
import { evaluateYear, yardsticksOf } from "./evaluation";

const rules = DEFAULT_SETTINGS.delivery;

describe("亩均 evaluation", () => {
  it("classes a year by the weighted index against the yardsticks, worked by hand", () => {
    const yard = { taxPerMu: 15, outputPerMu: 300 };
    // 50 亩, tax 900 → 18/亩 (1.2 of 15), output 12,000 → 240/亩 (0.8 of 300): 100 × (0.6×1.2 + 0.4×0.8) = 104
    expect(evaluateYear(rules, yard, { tax: 900, output: 12_000 }, 50)).toEqual({
      taxPerMu: 18,
      outputPerMu: 240,
      index: 104,
      grade: "A",
    });
    // tax 600 → 12/亩 (0.8), output 12,000 → 0.8: index 80 → B exactly at its threshold
    expect(evaluateYear(rules, yard, { tax: 600, output: 12_000 }, 50).grade).toBe("B");
    // tax 300 → 6/亩 (0.4), output 9,000 → 180/亩 (0.6): 100 × (0.24 + 0.24) = 48 → D (C starts at 50)
    expect(evaluateYear(rules, yard, { tax: 300, output: 9_000 }, 50)).toMatchObject({ index: 48, grade: "D" });
    // tax 375 → 7.5 (0.5), output 15,000 → 300 (1.0): 100 × (0.3 + 0.4) = 70 → C
    expect(evaluateYear(rules, yard, { tax: 375, output: 15_000 }, 50)).toMatchObject({ index: 70, grade: "C" });
  });

  it("leaves a year without land or without a figure unclassed", () => {
    const yard = { taxPerMu: 15, outputPerMu: 300 };
    expect(evaluateYear(rules, yard, { tax: 900, output: 12_000 }, null).grade).toBeNull();
    expect(evaluateYear(rules, yard, { tax: 900, output: 12_000 }, 0).grade).toBeNull();
    expect(evaluateYear(rules, yard, { tax: 900, output: null }, 50)).toEqual({
      taxPerMu: 18,
      outputPerMu: null,
      index: null,
      grade: null,
    });
  });

  it("takes a park's own yardsticks before the workspace's", () => {
    expect(yardsticksOf(rules, null)).toEqual({ taxPerMu: 15, outputPerMu: 300 });
    expect(yardsticksOf(rules, { benchmarkTaxPerMu: "30", benchmarkOutputPerMu: null })).toEqual({
      taxPerMu: 30,
      outputPerMu: 300,
    });
  });
});
