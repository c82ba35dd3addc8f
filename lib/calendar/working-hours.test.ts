import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, workingHoursSettingsSchema } from "../settings/schema";
import { shanghaiDay, shanghaiDayBounds } from "./shanghai-time";
import { addWorkingHours, workingHoursBetween } from "./working-hours";

const calendar = DEFAULT_SETTINGS.workingHours;
/** A Shanghai wall-clock time as an instant. */
const at = (local: string) => new Date(`${local}+08:00`);

// 2026-11-27 is a Friday.
describe("addWorkingHours", () => {
  it("adds hours inside one working day", () => {
    expect(addWorkingHours(at("2026-11-24T10:00:00"), 4, calendar)).toEqual(at("2026-11-24T14:00:00"));
    expect(addWorkingHours(at("2026-11-24T14:00:00"), 4, calendar)).toEqual(at("2026-11-24T18:00:00"));
  });

  it("carries a Friday 17:00 inquiry with 4 hours to Monday 12:00", () => {
    expect(addWorkingHours(at("2026-11-27T17:00:00"), 4, calendar)).toEqual(at("2026-11-30T12:00:00"));
  });

  it("starts counting at the next opening for an inquiry at night, early morning or on a weekend", () => {
    expect(addWorkingHours(at("2026-11-24T22:30:00"), 4, calendar)).toEqual(at("2026-11-25T13:00:00"));
    expect(addWorkingHours(at("2026-11-25T06:00:00"), 4, calendar)).toEqual(at("2026-11-25T13:00:00"));
    expect(addWorkingHours(at("2026-11-28T11:00:00"), 4, calendar)).toEqual(at("2026-11-30T13:00:00"));
    expect(addWorkingHours(at("2026-11-29T23:59:00"), 1.5, calendar)).toEqual(at("2026-11-30T10:30:00"));
  });

  it("treats 18:00 sharp as closed and 09:00 sharp as open", () => {
    expect(addWorkingHours(at("2026-11-24T18:00:00"), 1, calendar)).toEqual(at("2026-11-25T10:00:00"));
    expect(addWorkingHours(at("2026-11-24T09:00:00"), 9, calendar)).toEqual(at("2026-11-24T18:00:00"));
  });

  it("skips holidays and counts make-up working days (调休)", () => {
    const festive = workingHoursSettingsSchema.parse({
      holidays: "2026-10-01\n2026-10-02, 2026-10-05",
      workdays: ["2026-10-10"],
    });
    // Wednesday 30 September 17:00 → 1 h that day, holidays Thu 1 and Fri 2, weekend, holiday Mon 5.
    expect(addWorkingHours(at("2026-09-30T17:00:00"), 4, festive)).toEqual(at("2026-10-06T12:00:00"));
    // Saturday 10 October is a make-up working day.
    expect(addWorkingHours(at("2026-10-10T08:00:00"), 2, festive)).toEqual(at("2026-10-10T11:00:00"));
  });

  it("spans several days for a long allowance and follows configured days and hours", () => {
    expect(addWorkingHours(at("2026-11-24T09:00:00"), 20, calendar)).toEqual(at("2026-11-26T11:00:00"));
    const sixDays = workingHoursSettingsSchema.parse({
      days: ["1", "2", "3", "4", "5", "6"],
      start: "08:30",
      end: "12:00",
    });
    expect(addWorkingHours(at("2026-11-27T11:00:00"), 2, sixDays)).toEqual(at("2026-11-28T09:30:00"));
  });

  it("does not depend on the server's time zone", () => {
    const start = at("2026-11-27T17:00:00");
    // The same instant seen from anywhere: the function only uses epoch milliseconds.
    expect(addWorkingHours(new Date(start.getTime()), 4, calendar).toISOString()).toBe("2026-11-30T04:00:00.000Z");
  });

  it("refuses a calendar without any working time instead of looping forever", () => {
    const never = { ...calendar, days: [6], holidays: [], workdays: [] };
    const noSaturday = { ...never, days: [] as number[] };
    expect(addWorkingHours(at("2026-11-24T10:00:00"), 1, never)).toEqual(at("2026-11-28T10:00:00"));
    expect(() => addWorkingHours(at("2026-11-24T10:00:00"), 1, noSaturday)).toThrow(/working days/);
  });
});

describe("workingHoursBetween", () => {
  it("counts only working time, and is negative backwards", () => {
    expect(workingHoursBetween(at("2026-11-27T17:00:00"), at("2026-11-30T12:00:00"), calendar)).toBe(4);
    expect(workingHoursBetween(at("2026-11-30T12:00:00"), at("2026-11-27T17:00:00"), calendar)).toBe(-4);
    expect(workingHoursBetween(at("2026-11-28T10:00:00"), at("2026-11-29T10:00:00"), calendar)).toBe(0);
    expect(workingHoursBetween(at("2026-11-24T08:00:00"), at("2026-11-24T20:00:00"), calendar)).toBe(9);
  });

  it("agrees with addWorkingHours", () => {
    const start = at("2026-11-26T15:45:00");
    for (const hours of [0.25, 3, 8.5, 27]) {
      expect(workingHoursBetween(start, addWorkingHours(start, hours, calendar), calendar)).toBeCloseTo(hours, 6);
    }
  });
});

describe("Shanghai days", () => {
  it("puts 23:30 UTC on the next Shanghai day", () => {
    expect(shanghaiDay(new Date("2026-11-24T23:30:00Z"))).toBe("2026-11-25");
    expect(shanghaiDay(new Date("2026-11-24T15:59:59Z"))).toBe("2026-11-24");
    expect(shanghaiDayBounds(new Date("2026-11-24T23:30:00Z"))).toEqual({
      start: at("2026-11-25T00:00:00"),
      end: at("2026-11-26T00:00:00"),
    });
  });
});
