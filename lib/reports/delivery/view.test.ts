import { describe, expect, it } from "vitest";
import { deliveryViewOf } from "./view";

describe("the delivery report's day and evaluation year", () => {
  it("defaults to today in Shanghai, measured at its end, and to last year", () => {
    // 20:00 UTC on 12-31 is already 1 January in Shanghai: the day and the year both move on.
    expect(deliveryViewOf({}, new Date("2026-12-31T20:00:00Z"))).toEqual({
      day: "2027-01-01",
      at: new Date("2027-01-01T16:00:00Z"),
      year: 2026,
    });
  });

  it("takes the day and the year the view asks for", () => {
    expect(deliveryViewOf({ asOf: "2026-02-20", year: "2024" }, new Date("2026-12-06T02:00:00Z"))).toEqual({
      day: "2026-02-20",
      at: new Date("2026-02-20T16:00:00Z"),
      year: 2024,
    });
  });
});
