import { describe, expect, it } from "vitest";
import { fundingFigures } from "./figures";

/*
 * Worked by hand: a 5,000 万元 commitment scheduled in three instalments — 1,000 by 2026-03-31, 1,500 by
 * 2026-09-30, 2,500 by 2027-06-30 — and payments of 800 (2026-03-20) and 900.5 (2026-08-01).
 */
const plan = [
  { dueOn: "2027-06-30", amount: "2500" },
  { dueOn: "2026-03-31", amount: "1000" },
  { dueOn: "2026-09-30", amount: "1500" },
];
const payments = [
  { paidOn: "2026-03-20", amount: "800" },
  { paidOn: "2026-08-01", amount: "900.5" },
];

describe("到资 figures", () => {
  it("on 2026-10-01: 1,700.5 paid of 2,500 due (68.0%), 34.0% of the 5,000 committed, behind by 799.5", () => {
    expect(fundingFigures({ committed: "5000", plan, payments, today: "2026-10-01" })).toEqual({
      committed: "5000",
      scheduledTotal: "5000",
      paid: "1700.5",
      scheduledToDate: "2500",
      // 1700.5 ÷ 2500 = 0.6802; 1700.5 ÷ 5000 = 0.3401
      scheduleRate: 68,
      paidRate: 34,
      next: { dueOn: "2027-06-30", amount: "2500" },
      behind: true,
      shortfall: "799.5",
    });
  });

  it("counts an instalment due on the day itself, and a payment made on it", () => {
    const onTheDay = fundingFigures({ committed: "5000", plan, payments, today: "2026-03-31" });
    // 800 paid of 1,000 due: 80%; 800 ÷ 5000 = 16%
    expect(onTheDay).toMatchObject({ paid: "800", scheduledToDate: "1000", scheduleRate: 80, paidRate: 16 });
    expect(onTheDay.next).toEqual({ dueOn: "2026-09-30", amount: "1500" });
    const before = fundingFigures({ committed: "5000", plan, payments, today: "2026-03-19" });
    // nothing due yet and nothing paid: no schedule rate, not behind
    expect(before).toMatchObject({ paid: "0", scheduledToDate: "0", scheduleRate: null, paidRate: 0, behind: false });
    expect(before.shortfall).toBeNull();
  });

  it("reads ahead of schedule above 100%, and without a commitment gives no 到资率", () => {
    const ahead = fundingFigures({
      committed: null,
      plan: [{ dueOn: "2026-01-31", amount: "300" }],
      payments: [{ paidOn: "2026-01-10", amount: "333.3333" }],
      today: "2026-02-01",
    });
    // 333.3333 ÷ 300 = 1.111111 → 111.1%
    expect(ahead).toMatchObject({ paidRate: null, scheduleRate: 111.1, behind: false, next: null, committed: null });
  });
});
