import { describe, expect, it } from "vitest";
import { nextPeriodStart, periodStart, trendWindow } from "./periods";

describe("the trend's periods", () => {
  it("start weeks on Monday (ISO) and months on the 1st", () => {
    expect(periodStart("2026-10-01", "week")).toBe("2026-09-28"); // Thursday
    expect(periodStart("2026-10-05", "week")).toBe("2026-10-05"); // Monday
    expect(periodStart("2026-11-01", "week")).toBe("2026-10-26"); // Sunday belongs to the week before
    expect(periodStart("2026-10-31", "month")).toBe("2026-10-01");
    expect(nextPeriodStart("2026-12-28", "week")).toBe("2027-01-04");
    expect(nextPeriodStart("2026-12-01", "month")).toBe("2027-01-01");
  });

  it("widen October 2026 to whole weeks, as Asia/Shanghai instants", () => {
    const window = trendWindow({ fromDay: "2026-10-01", toDay: "2026-10-31" }, "week");
    expect(window).toMatchObject({ firstDay: "2026-09-28", lastDay: "2026-10-26" });
    expect(window.from.toISOString()).toBe("2026-09-27T16:00:00.000Z");
    expect(window.to.toISOString()).toBe("2026-11-01T16:00:00.000Z");
  });

  it("scan a previous-year window that holds the same weeks and months a year earlier", () => {
    // 2026-W41 (10-05) a year earlier is 2025-W41 (2025-10-06, 364 days before); 2026-W01 is 2025-W01 (371 days
    // before).
    const weeks = trendWindow({ fromDay: "2026-01-01", toDay: "2026-10-11" }, "week");
    expect(weeks.previousFrom.getTime()).toBeLessThanOrEqual(new Date("2024-12-30T00:00:00+08:00").getTime());
    expect(weeks.previousTo.getTime()).toBeGreaterThanOrEqual(new Date("2025-10-13T00:00:00+08:00").getTime());
    const months = trendWindow({ fromDay: "2028-03-01", toDay: "2028-03-31" }, "month");
    expect(months.previousFrom.getTime()).toBeLessThanOrEqual(new Date("2027-03-01T00:00:00+08:00").getTime());
    expect(months.previousTo.getTime()).toBeGreaterThanOrEqual(new Date("2027-04-01T00:00:00+08:00").getTime());
  });
});
