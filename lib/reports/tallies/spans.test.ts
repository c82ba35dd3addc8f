import { describe, expect, it } from "vitest";
import { shanghaiDays, tallySpans } from "./spans";

describe("tallySpans", () => {
  it("reads whole months from month rows and the days at either end from day rows", () => {
    expect(tallySpans("2026-01-15", "2026-04-10")).toEqual([
      { grain: "day", from: "2026-01-15", until: "2026-02-01" },
      { grain: "month", from: "2026-02-01", until: "2026-04-01" },
      { grain: "day", from: "2026-04-01", until: "2026-04-11" },
    ]);
  });

  it("reads a range of whole months from month rows alone, across a year end", () => {
    expect(tallySpans("2025-12-01", "2026-02-28")).toEqual([
      { grain: "month", from: "2025-12-01", until: "2026-03-01" },
    ]);
    expect(tallySpans("2026-01-01", "2026-12-31")).toEqual([
      { grain: "month", from: "2026-01-01", until: "2027-01-01" },
    ]);
  });

  it("reads a range inside one month, or one day, from day rows", () => {
    expect(tallySpans("2026-10-05", "2026-10-20")).toEqual([{ grain: "day", from: "2026-10-05", until: "2026-10-21" }]);
    expect(tallySpans("2026-02-28", "2026-02-28")).toEqual([{ grain: "day", from: "2026-02-28", until: "2026-03-01" }]);
    expect(tallySpans("2026-10-31", "2026-11-01")).toEqual([{ grain: "day", from: "2026-10-31", until: "2026-11-02" }]);
  });

  it("keeps a leap day and a month that starts the range but ends before a whole month", () => {
    expect(tallySpans("2028-02-01", "2028-02-29")).toEqual([
      { grain: "month", from: "2028-02-01", until: "2028-03-01" },
    ]);
    expect(tallySpans("2028-02-01", "2028-02-28")).toEqual([{ grain: "day", from: "2028-02-01", until: "2028-02-29" }]);
  });
});

describe("shanghaiDays", () => {
  it("names the Asia/Shanghai days of [from, to)", () => {
    expect(shanghaiDays(new Date("2026-09-30T16:00:00Z"), new Date("2026-10-31T16:00:00Z"))).toEqual({
      fromDay: "2026-10-01",
      toDay: "2026-10-31",
    });
  });
});
