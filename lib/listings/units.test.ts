import { describe, expect, it } from "vitest";
import { areaInSqm, unitPrice } from "./units";

describe("listing units", () => {
  it("converts 亩 to m² with the statutory 10000/15", () => {
    expect(areaInSqm("30", "MU").toString()).toBe("20000");
    expect(areaInSqm("1", "MU").toString()).toBe("666.67");
    expect(areaInSqm("2400", "SQM").toString()).toBe("2400");
  });

  it("normalises sale prices to 元/m² and lease prices to 元/m²/月", () => {
    expect(unitPrice("5800", "YUAN_PER_SQM", "2400").toString()).toBe("5800");
    expect(unitPrice("1280", "WAN_TOTAL", "3200").toString()).toBe("4000");
    expect(unitPrice("38", "WAN_PER_MU", "20000").toString()).toBe("570");
    expect(unitPrice("1.0", "YUAN_PER_SQM_DAY", "600").toString()).toBe("30.42");
    expect(unitPrice("35", "YUAN_PER_SQM_MONTH", "1200").toString()).toBe("35");
  });
});
