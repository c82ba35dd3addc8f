import { describe, expect, it } from "vitest";
import { inventoryHref, narrowsUnits, parseInventoryParams } from "./schema";

describe("the 租控表's URL", () => {
  it("reads the park, the kind, the area range and several statuses", () => {
    expect(
      parseInventoryParams({
        park: "pinghu",
        kind: "FACTORY",
        minArea: "1,000",
        maxArea: "２０００",
        status: ["VACANT", "HELD", "VACANT"],
      }),
    ).toEqual({
      park: "pinghu",
      filter: { kind: "FACTORY", minArea: "1000", maxArea: "2000", status: ["VACANT", "HELD"] },
      invalid: [],
    });
  });

  it("drops each bad value on its own and names it, keeping the rest", () => {
    expect(
      parseInventoryParams({ park: "../x", kind: "CASTLE", minArea: "-5", maxArea: "abc", status: ["VACANT", "LOST"] }),
    ).toEqual({ park: undefined, filter: {}, invalid: ["park", "kind", "minArea", "maxArea", "status"] });
    expect(parseInventoryParams({ minArea: "900", maxArea: "100", status: "SIGNED" })).toEqual({
      park: undefined,
      filter: { minArea: "900", status: ["SIGNED"] },
      invalid: ["maxArea"],
    });
  });

  it("treats empty parameters as absent", () => {
    expect(parseInventoryParams({ park: "", kind: " ", status: ["", " "] })).toEqual({
      park: undefined,
      filter: {},
      invalid: [],
    });
  });

  it("writes a view back with only the parameters that say something, statuses repeated", () => {
    expect(inventoryHref(undefined, {})).toBe("/crm/inventory");
    expect(inventoryHref("pinghu", { kind: "LAND", maxArea: "5000", status: ["VACANT", "HELD"] })).toBe(
      "/crm/inventory?park=pinghu&kind=LAND&maxArea=5000&status=VACANT&status=HELD",
    );
    const { park, filter } = parseInventoryParams({ park: "pinghu", minArea: "10.5", status: ["OCCUPIED"] });
    expect(inventoryHref(park, filter)).toBe("/crm/inventory?park=pinghu&minArea=10.5&status=OCCUPIED");
  });

  it("knows which views narrow the units rather than the buildings", () => {
    expect(narrowsUnits({ kind: "OFFICE" })).toBe(false);
    expect(narrowsUnits({ status: ["VACANT"] })).toBe(true);
    expect(narrowsUnits({ minArea: "0" })).toBe(true);
  });
});
