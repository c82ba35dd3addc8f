import { describe, expect, it } from "vitest";
import { columnChoiceCookie, readColumnChoice, writeColumnChoice } from "@/components/ui/data-table-choice";

describe("a data table's saved column choice", () => {
  it("reads back what its user saved", () => {
    const value = writeColumnChoice("user_1", ["source", "listing"]);
    expect(readColumnChoice(value, "user_1")).toEqual(["source", "listing"]);
    expect(readColumnChoice(writeColumnChoice("user_1", []), "user_1")).toEqual([]);
  });

  it("is not another user's choice, and nothing saved means the defaults", () => {
    expect(readColumnChoice(writeColumnChoice("user_1", ["source"]), "user_2")).toBeUndefined();
    expect(readColumnChoice(undefined, "user_1")).toBeUndefined();
    expect(readColumnChoice("garbage", "user_1")).toBeUndefined();
  });

  it("carries ids only", () => {
    expect(readColumnChoice("user_1:source.<script>.a;b", "user_1")).toEqual(["source"]);
    expect(() => columnChoiceCookie("in box")).toThrow();
    expect(columnChoiceCookie("inbox")).toBe("columns-inbox");
  });
});
