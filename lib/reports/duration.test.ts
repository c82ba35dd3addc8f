import { describe, expect, it } from "vitest";
import { zhCN } from "../i18n/messages/zh-CN";
import { en } from "../i18n/messages/en";
import { durationTicks, durationUnit, formatDuration, minutesOf, sharedDurationUnit } from "./duration";

const zh = (minutes: number) => formatDuration(minutes, "zh-CN", zhCN.reports.units);
const english = (minutes: number) => formatDuration(minutes, "en", en.reports.units);

describe("a duration in the unit people read it in", () => {
  it("reads under an hour in whole minutes, rounded up as the tallies count", () => {
    expect(zh(0)).toBe("0 分钟");
    expect(zh(59 / 60)).toBe("1 分钟");
    expect(zh(12)).toBe("12 分钟");
    expect(zh(59)).toBe("59 分钟");
    expect(english(59)).toBe("59 min");
    // 0.2 h is 12.000000000000002 minutes in floating point: still 12, not 13.
    expect(zh(minutesOf(0.2, "hours"))).toBe("12 分钟");
  });

  it("reads an hour up to two days in hours with one decimal", () => {
    expect(zh(60)).toBe("1 小时");
    expect(zh(59 + 40 / 60)).toBe("1 小时");
    expect(zh(90)).toBe("1.5 小时");
    expect(zh(47 * 60)).toBe("47 小时");
    expect(english(47 * 60)).toBe("47 h");
  });

  it("reads two days and more in days", () => {
    expect(zh(48 * 60)).toBe("2 天");
    // 47.97 hours shows as 48.0 hours, so it is two days.
    expect(zh(47.97 * 60)).toBe("2 天");
    expect(zh(minutesOf(22.5, "days"))).toBe("22.5 天");
    expect(english(minutesOf(3, "days"))).toBe("3 d");
  });

  it("gives a set of figures the unit of its largest", () => {
    expect(sharedDurationUnit([])).toBe("minutes");
    expect(sharedDurationUnit([3, 12, 59])).toBe("minutes");
    expect(sharedDurationUnit([3, 61])).toBe("hours");
    expect(sharedDurationUnit([3, 48 * 60])).toBe("days");
    expect(durationUnit(47 * 60)).toBe("hours");
  });
});

describe("axis ticks in the unit of the bars", () => {
  it("steps by whole minutes, never half a minute", () => {
    expect(durationTicks(0, "minutes")).toEqual([0, 1]);
    expect(durationTicks(59 / 60, "minutes")).toEqual([0, 1]);
    expect(durationTicks(3, "minutes")).toEqual([0, 1, 2, 3]);
    expect(durationTicks(12, "minutes")).toEqual([0, 5, 10, 15]);
    expect(durationTicks(59, "minutes")).toEqual([0, 15, 30, 45, 60]);
  });

  it("steps by hours that divide a day", () => {
    expect(durationTicks(60, "hours")).toEqual([0, 1]);
    expect(durationTicks(90, "hours")).toEqual([0, 1, 2]);
    expect(durationTicks(47 * 60, "hours")).toEqual([0, 12, 24, 36, 48]);
  });

  it("steps by days on a 1-2-5 scale, however many", () => {
    expect(durationTicks(48 * 60, "days")).toEqual([0, 1, 2]);
    expect(durationTicks(minutesOf(22.5, "days"), "days")).toEqual([0, 5, 10, 15, 20, 25]);
    expect(durationTicks(minutesOf(400, "days"), "days")).toEqual([0, 100, 200, 300, 400]);
  });

  it("always reaches the largest figure", () => {
    for (const [minutes, unit] of [
      [7, "minutes"],
      [41, "minutes"],
      [5 * 60, "hours"],
      [minutesOf(9.5, "days"), "days"],
      [minutesOf(1234, "days"), "days"],
    ] as const) {
      const ticks = durationTicks(minutes, unit);
      expect(ticks.at(-1)! * { minutes: 1, hours: 60, days: 1440 }[unit]).toBeGreaterThanOrEqual(minutes);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});
