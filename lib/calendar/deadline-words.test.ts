import { describe, expect, it } from "vitest";
import { deadlineWords } from "./deadline-words";
import { addWorkingDays } from "./working-hours";

const calendar = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00", holidays: [], workdays: [] };

describe("deadlineWords", () => {
  it("says a deadline on the Shanghai clock, with the promise in working hours when given", () => {
    const due = new Date("2026-12-08T03:00:00Z");
    expect(deadlineWords(due, "zh-CN", 4)).toBe("工作日 4 小时内，即 12 月 8 日 11:00 前");
    expect(deadlineWords(due, "en", 4)).toBe("within 4 working hours, by 11:00 on 8 December");
    expect(deadlineWords(due, "zh-CN")).toBe("12 月 8 日 11:00 前");
  });

  it("turns the day at Shanghai midnight, not UTC's", () => {
    expect(deadlineWords(new Date("2026-12-31T16:30:00Z"), "zh-CN")).toBe("1 月 1 日 00:30 前");
    expect(deadlineWords(new Date("2026-12-31T16:30:00Z"), "en")).toBe("by 00:30 on 1 January");
  });
});

describe("addWorkingDays", () => {
  it("counts whole working days of the calendar's hours, skipping weekends and holidays, counting make-up days", () => {
    const monday10 = new Date("2026-12-07T02:00:00Z");
    expect(addWorkingDays(monday10, 15, calendar).toISOString()).toBe("2026-12-28T02:00:00.000Z");
    expect(addWorkingDays(monday10, 1, { ...calendar, holidays: ["2026-12-08"] }).toISOString()).toBe(
      "2026-12-09T02:00:00.000Z",
    );
    const friday10 = new Date("2026-12-11T02:00:00Z");
    expect(addWorkingDays(friday10, 1, { ...calendar, workdays: ["2026-12-12"] }).toISOString()).toBe(
      "2026-12-12T02:00:00.000Z",
    );
  });
});
