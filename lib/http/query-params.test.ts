import { describe, expect, it } from "vitest";
import { withoutEmptyParams } from "./query-params";

describe("the catalogue's address without empty filters", () => {
  it("drops what the form sent empty and keeps the rest in order", () => {
    expect(
      withoutEmptyParams({ park: "", kind: "FACTORY", deal: "", minArea: "2000", maxArea: " ", sort: "area_asc" }),
    ).toBe("kind=FACTORY&minArea=2000&sort=area_asc");
  });

  it("leaves nothing when every field was empty", () => {
    expect(withoutEmptyParams({ park: "", kind: "", minPrice: "" })).toBe("");
  });

  it("keeps repeated values and drops only their empty copies", () => {
    expect(withoutEmptyParams({ kind: ["FACTORY", ""], park: "pinghu-etdz" })).toBe("kind=FACTORY&park=pinghu-etdz");
  });

  it("says nothing needs doing when no field is empty", () => {
    expect(withoutEmptyParams({ kind: "LAND", page: "2" })).toBeNull();
    expect(withoutEmptyParams({})).toBeNull();
  });

  it("encodes what it keeps", () => {
    expect(withoutEmptyParams({ park: "", q: "厂房 A&B" })).toBe("q=%E5%8E%82%E6%88%BF+A%26B");
  });
});
