import { describe, expect, it } from "vitest";
import { parseAuditCursor } from "./cursor";

describe("the audit log's cursor from the URL", () => {
  it("reads createdAt~id as the link writes it", () => {
    expect(parseAuditCursor("1764979200000~cmabc123")).toEqual({ createdAt: new Date(1764979200000), id: "cmabc123" });
  });

  it.each([
    "",
    "abc",
    "1764979200000~",
    "1764979200000~a\u0000b",
    "-62198755200000~cm1",
    "8640000000000001~cm1",
    "1e12~cm1",
    "1764979200000~cm1~x",
  ])("reads %j as no cursor instead of handing the database what it refuses", (value) => {
    expect(parseAuditCursor(value)).toBeUndefined();
  });
});
