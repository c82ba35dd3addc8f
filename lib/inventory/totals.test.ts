import { describe, expect, it } from "vitest";
import { addTotals, areaTotals, occupancyRate } from "./totals";

describe("the inventory's figures", () => {
  it("sums each status's area and gives 出租率 as signed and occupied over what is on offer", () => {
    const totals = areaTotals([
      { areaSqm: "1000.10", status: "VACANT" },
      { areaSqm: 500.2, status: "HELD" },
      { areaSqm: "1500", status: "SIGNED" },
      { areaSqm: "800.3", status: "OCCUPIED" },
      { areaSqm: "200", status: "UNAVAILABLE" },
    ]);
    expect(totals).toEqual({
      total: 4000.6,
      vacant: 1000.1,
      held: 500.2,
      signed: 1500,
      occupied: 800.3,
      unavailable: 200,
      rate: 230030 / 380060,
    });
  });

  it("has no rate when nothing is on offer: no unit, or every unit 不可租售", () => {
    expect(areaTotals([]).rate).toBeNull();
    expect(areaTotals([{ areaSqm: "300", status: "UNAVAILABLE" }])).toMatchObject({ total: 300, rate: null });
    expect(areaTotals([{ areaSqm: "300", status: "VACANT" }]).rate).toBe(0);
    expect(areaTotals([{ areaSqm: "300", status: "OCCUPIED" }]).rate).toBe(1);
  });

  it("adds parts to the same figures as the units they hold, exactly to the hundredth", () => {
    const units = Array.from({ length: 20_000 }, (_, index) => ({
      areaSqm: "0.10",
      status: index % 2 ? ("SIGNED" as const) : ("VACANT" as const),
    }));
    const whole = areaTotals(units);
    expect(whole).toMatchObject({ total: 2000, signed: 1000, vacant: 1000, rate: 0.5 });
    expect(addTotals([areaTotals(units.slice(0, 7)), areaTotals(units.slice(7))])).toEqual(whole);
    expect(occupancyRate({ total: 10, vacant: 0, held: 0, signed: 3, occupied: 2, unavailable: 5 })).toBe(1);
  });
});
