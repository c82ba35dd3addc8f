import { describe, expect, it } from "vitest";
import { isWorkingDay, workingHoursBetween, type WorkingCalendar } from "./working-hours";
import { DEFAULT_SETTINGS } from "../settings/schema";
import { dayResponseDeadline, responseCalendar } from "./response-deadline";

const standard = DEFAULT_SETTINGS.workingHours;
// 2026-10-01..02 and 05..07 off for National Day, Saturday 10-10 made up (调休).
const nationalDay: WorkingCalendar = {
  ...standard,
  holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
  workdays: ["2026-10-10"],
};
const at = (local: string) => new Date(`${local}:00+08:00`);

/** The length of a working day in hours (end − start). */
const workingDayHours = (calendar: Pick<WorkingCalendar, "start" | "end">) => {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return (minutes(calendar.end) - minutes(calendar.start)) / 60;
};

describe("the response calendar", () => {
  it("knows weekends, holidays and make-up days", () => {
    expect(isWorkingDay("2026-10-09", nationalDay)).toBe(true); // Friday
    expect(isWorkingDay("2026-10-10", nationalDay)).toBe(true); // Saturday made up
    expect(isWorkingDay("2026-10-11", nationalDay)).toBe(false); // Sunday
    expect(isWorkingDay("2026-10-05", nationalDay)).toBe(false); // Monday holiday
    expect(isWorkingDay("2026-10-10", standard)).toBe(false);
    expect(workingDayHours(standard)).toBe(9);
    expect(workingDayHours({ start: "08:30", end: "17:00" })).toBe(8.5);
  });

  it("gives each day its next two working days across a weekend and a holiday week", () => {
    const rows = responseCalendar(nationalDay, "2026-09-30", "2026-10-12");
    expect(rows).toHaveLength(13);
    const byDay = new Map(rows.map((row) => [row.day, row]));
    expect(byDay.get("2026-09-30")).toEqual({
      day: "2026-09-30",
      working: true,
      next1: "2026-10-08",
      next2: "2026-10-09",
    });
    expect(byDay.get("2026-10-01")).toEqual({
      day: "2026-10-01",
      working: false,
      next1: "2026-10-08",
      next2: "2026-10-09",
    });
    expect(byDay.get("2026-10-08")).toEqual({
      day: "2026-10-08",
      working: true,
      next1: "2026-10-09",
      next2: "2026-10-10",
    });
    expect(byDay.get("2026-10-09")).toEqual({
      day: "2026-10-09",
      working: true,
      next1: "2026-10-10",
      next2: "2026-10-12",
    });
    expect(byDay.get("2026-10-11")).toEqual({
      day: "2026-10-11",
      working: false,
      next1: "2026-10-12",
      next2: "2026-10-13",
    });
    // The last day still gets two working days after it, though they lie beyond the range.
    expect(byDay.get("2026-10-12")).toEqual({
      day: "2026-10-12",
      working: true,
      next1: "2026-10-13",
      next2: "2026-10-14",
    });
  });

  it("makes Friday 17:30 due Monday 17:30, Monday 20:00 due Wednesday 09:00 and a holiday due two openings on", () => {
    expect(dayResponseDeadline(at("2026-10-09 17:30"), standard)).toEqual(at("2026-10-12 17:30"));
    expect(dayResponseDeadline(at("2026-10-12 20:00"), standard)).toEqual(at("2026-10-14 09:00"));
    expect(dayResponseDeadline(at("2026-10-12 07:00"), standard)).toEqual(at("2026-10-13 09:00"));
    expect(dayResponseDeadline(at("2026-10-12 18:00"), standard)).toEqual(at("2026-10-14 09:00"));
    expect(dayResponseDeadline(at("2026-10-12 09:00"), standard)).toEqual(at("2026-10-13 09:00"));
    expect(dayResponseDeadline(at("2026-10-10 11:00"), standard)).toEqual(at("2026-10-13 09:00"));
    expect(dayResponseDeadline(at("2026-10-01 10:00"), nationalDay)).toEqual(at("2026-10-09 09:00"));
    expect(dayResponseDeadline(at("2026-09-30 16:00"), nationalDay)).toEqual(at("2026-10-08 16:00"));
    expect(dayResponseDeadline(at("2026-10-09 17:30"), nationalDay)).toEqual(at("2026-10-10 17:30"));
  });

  it("puts each deadline at the last moment by which no more than one working day has run", () => {
    for (const calendar of [
      standard,
      nationalDay,
      { ...nationalDay, start: "08:30", end: "17:00", days: [1, 2, 3, 4, 5, 6] },
    ]) {
      const length = workingDayHours(calendar);
      // Every 23 minutes for three and a half weeks, so arrivals fall at every time of day.
      for (let time = at("2026-09-25 00:00").getTime(); time < at("2026-10-21 00:00").getTime(); time += 23 * 60_000) {
        const arrival = new Date(time);
        const due = dayResponseDeadline(arrival, calendar);
        expect(workingHoursBetween(arrival, due, calendar)).toBeCloseTo(length, 9);
        // One minute later more than a working day has run.
        expect(workingHoursBetween(arrival, new Date(due.getTime() + 60_000), calendar)).toBeGreaterThan(length);
      }
    }
  });

  it("refuses a reversed range and a calendar that never works", () => {
    expect(() => responseCalendar(standard, "2026-10-02", "2026-10-01")).toThrow(/after/);
    const saturdays: WorkingCalendar = { ...standard, days: [6], holidays: [], workdays: [] };
    expect(responseCalendar(saturdays, "2026-10-01", "2026-10-01")[0]).toMatchObject({
      next1: "2026-10-03",
      next2: "2026-10-10",
    });
    // Every Saturday for eleven and a half years a holiday: no working day in reach.
    const holidays = Array.from({ length: 600 }, (_, week) =>
      new Date(Date.UTC(2026, 9, 3 + week * 7)).toISOString().slice(0, 10),
    );
    expect(() => responseCalendar({ ...saturdays, holidays }, "2026-10-01", "2026-10-01")).toThrow(/ten years/);
  });
});

describe("dayResponseDeadline", () => {
  const calendar = {
    days: [1, 2, 3, 4, 5],
    start: "09:00",
    end: "18:00",
    holidays: ["2026-12-14"],
    workdays: ["2026-12-26"],
  };
  const at = (local: string) => new Date(`${local}+08:00`);
  it("is the next working day at the same time for an arrival in working hours, seconds kept", () => {
    expect(dayResponseDeadline(at("2026-12-16T11:00:30"), calendar)).toEqual(at("2026-12-17T11:00:30"));
  });
  it("is the next working day's opening for an arrival before opening", () => {
    expect(dayResponseDeadline(at("2026-12-16T08:00:00"), calendar)).toEqual(at("2026-12-17T09:00:00"));
  });
  it("is the second working day's opening after closing or on a day off, holidays skipped and make-up days worked", () => {
    expect(dayResponseDeadline(at("2026-12-16T18:00:00"), calendar)).toEqual(at("2026-12-18T09:00:00"));
    expect(dayResponseDeadline(at("2026-12-12T10:00:00"), calendar)).toEqual(at("2026-12-16T09:00:00"));
    expect(dayResponseDeadline(at("2026-12-24T19:00:00"), calendar)).toEqual(at("2026-12-26T09:00:00"));
  });
});
