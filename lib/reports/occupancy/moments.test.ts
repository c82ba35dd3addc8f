import { describe, expect, it } from "vitest";
import { resolveRange } from "../filters";
import { momentPeriod, occupancyMoments } from "./moments";

const custom = (from: string, to: string) => resolveRange({ range: "custom", from, to });
const NOW = new Date("2026-12-06T16:00:00Z"); // 2026-12-07 00:00 in Shanghai

describe("the moments occupancy is read at", () => {
  it("are the ends of the range's months, the last one cut at the range's end", () => {
    const range = custom("2026-08-15", "2026-10-20");
    expect(momentPeriod(range, "month")).toBe("month");
    expect(occupancyMoments(range, "month", NOW)).toEqual([
      { label: "2026-08", day: "2026-08-31", at: new Date("2026-08-31T16:00:00Z") },
      { label: "2026-09", day: "2026-09-30", at: new Date("2026-09-30T16:00:00Z") },
      { label: "2026-10", day: "2026-10-20", at: new Date("2026-10-20T16:00:00Z") },
    ]);
  });

  it("are weeks for a range of a month or less, or when weeks are asked for", () => {
    expect(momentPeriod(custom("2026-10-01", "2026-10-31"), "month")).toBe("week");
    expect(momentPeriod(custom("2026-10-01", "2026-11-01"), "month")).toBe("month");
    expect(momentPeriod(custom("2026-01-01", "2026-12-31"), "week")).toBe("week");
    // October 2026 starts on a Thursday: its first ISO week is W40, Monday 09-28 to Sunday 10-04.
    const weeks = occupancyMoments(custom("2026-10-01", "2026-10-31"), "week", NOW);
    expect(weeks.map((moment) => [moment.label, moment.day])).toEqual([
      ["2026-W40", "2026-10-04"],
      ["2026-W41", "2026-10-11"],
      ["2026-W42", "2026-10-18"],
      ["2026-W43", "2026-10-25"],
      ["2026-W44", "2026-10-31"],
    ]);
  });

  it("stop at now: the running period is read now, the ones not begun are left out", () => {
    const moments = occupancyMoments(custom("2026-11-01", "2027-01-31"), "month", NOW);
    expect(moments).toEqual([
      { label: "2026-11", day: "2026-11-30", at: new Date("2026-11-30T16:00:00Z") },
      { label: "2026-12", day: "2026-12-06", at: NOW },
    ]);
  });

  it("name the ISO week of its Thursday's year", () => {
    const moments = occupancyMoments(custom("2026-12-28", "2027-01-10"), "week", new Date("2027-02-01T00:00:00Z"));
    expect(moments.map((moment) => moment.label)).toEqual(["2026-W53", "2027-W01"]);
  });
});
