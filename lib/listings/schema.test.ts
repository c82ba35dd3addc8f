import { describe, expect, it } from "vitest";
import { parseListingFilter } from "./schema";

describe("parseListingFilter", () => {
  it("reads every filter from the URL", () => {
    expect(
      parseListingFilter({
        park: "pinghu-etdz",
        kind: "LAND",
        deal: "SALE",
        minArea: "1000",
        maxArea: "50000",
        minPrice: "0",
        maxPrice: "800",
        sort: "price_asc",
        page: "2",
      }),
    ).toEqual({
      filter: {
        park: "pinghu-etdz",
        kind: "LAND",
        deal: "SALE",
        minArea: 1000,
        maxArea: 50000,
        minPrice: 0,
        maxPrice: 800,
        sort: "price_asc",
        page: 2,
      },
      invalid: [],
    });
  });

  it("drops each bad value on its own and names it, keeping the good ones", () => {
    expect(
      parseListingFilter({ kind: "CASTLE", minArea: "abc", maxArea: "-5", page: "0", deal: "LEASE", park: "../x" }),
    ).toEqual({
      filter: { deal: "LEASE" },
      invalid: ["park", "kind", "minArea", "maxArea", "page"],
    });
  });

  it("ignores blanks and takes the first of repeated parameters", () => {
    expect(parseListingFilter({ kind: "", minArea: "  ", deal: ["SALE", "LEASE"] })).toEqual({
      filter: { deal: "SALE" },
      invalid: [],
    });
  });
});
