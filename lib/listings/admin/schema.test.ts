import { describe, expect, it } from "vitest";
import { listingAdminFilterSchema, listingSchema, priceUnitsFor, statusesFor } from "./schema";

const valid = {
  parkId: "park-1",
  title: "A1 栋",
  kind: "OFFICE",
  deal: "LEASE",
  published: true,
  area: "1,200",
  areaUnit: "SQM",
  price: "035.50",
  priceUnit: "YUAN_PER_SQM_MONTH",
  description: "研发楼",
};

describe("listing schema", () => {
  it("keeps amounts as exact decimal strings, blanks as null, lines as lists", () => {
    const parsed = listingSchema.parse({
      ...valid,
      highlights: " 近地铁 \r\n\n带装修 ",
      floorHeightM: "",
      powerKva: 630,
      availableFrom: "2027-03-01",
    });
    expect(parsed).toMatchObject({
      area: "1200",
      unitIds: [],
      buildingId: null,
      price: "35.5",
      floorHeightM: null,
      powerKva: 630,
      titleEn: "",
      highlights: ["近地铁", "带装修"],
    });
    expect(parsed.availableFrom?.toISOString()).toBe("2027-03-01T00:00:00.000Z");
  });

  it("names each bad amount precisely", () => {
    const errors = listingSchema.safeParse({
      ...valid,
      area: "-5",
      price: "1.234",
      storeys: "0",
      powerKva: "2000000",
    }).error?.issues;
    expect(Object.fromEntries((errors ?? []).map((issue) => [issue.path.join("."), issue.message]))).toEqual({
      area: "positive",
      price: "decimals:2",
      storeys: "tooSmall:1",
      powerKva: "tooBig:1000000",
    });
  });

  it("asks for an area only when no unit is picked, and for each unit once", () => {
    const issues = (input: Record<string, unknown>) =>
      Object.fromEntries(
        (listingSchema.safeParse({ ...valid, ...input }).error?.issues ?? []).map((issue) => [
          issue.path.join("."),
          issue.message,
        ]),
      );
    expect(issues({ area: "" })).toEqual({ area: "required" });
    expect(issues({ area: "", unitIds: ["u1", "u2"] })).toEqual({});
    expect(issues({ unitIds: ["u1", "u1"] })).toEqual({ unitIds: "duplicateUnit" });
    expect(issues({ status: "SOLD" })).toEqual({ "": "unknownField" });
  });

  it("prices sales per m², per 亩 (land only) or in total, and leases per m² a day or a month", () => {
    expect(priceUnitsFor("FACTORY", "SALE")).toEqual(["YUAN_PER_SQM", "WAN_TOTAL"]);
    expect(priceUnitsFor("LAND", "SALE")).toContain("WAN_PER_MU");
    expect(priceUnitsFor("LAND", "LEASE")).toEqual(["YUAN_PER_SQM_DAY", "YUAN_PER_SQM_MONTH"]);
    expect(statusesFor("SALE")).toEqual(["AVAILABLE", "RESERVED", "SOLD"]);
    expect(statusesFor("LEASE")).toEqual(["AVAILABLE", "RESERVED", "LEASED"]);
  });

  it("drops bad filter values one by one", () => {
    expect(listingAdminFilterSchema.parse({ kind: "LAND", status: "GONE", published: "no", page: "2" })).toEqual({
      kind: "LAND",
      published: "no",
      page: 2,
    });
  });
});
