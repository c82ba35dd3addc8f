import { describe, expect, it } from "vitest";
import { auditFilterSchema, auditHref } from "./filter";

describe("the audit log's view from the URL", () => {
  it("reads the person, the kind of record, the days and the cursor", () => {
    expect(
      auditFilterSchema.parse({
        actor: "cmuser1",
        entity: "lead",
        from: "2026-12-01",
        to: ["2026-12-06", "x"],
        before: "1764979200000~cmabc",
      }),
    ).toEqual({
      actor: "cmuser1",
      entity: "lead",
      from: "2026-12-01",
      to: "2026-12-06",
      before: { createdAt: new Date(1764979200000), id: "cmabc" },
    });
  });

  it("drops what it cannot read instead of failing the page", () => {
    expect(auditFilterSchema.parse({ actor: "a b", entity: "Lead", from: "2026-13-01", to: "", before: "x" })).toEqual({
      actor: undefined,
      entity: undefined,
      from: undefined,
      to: undefined,
      before: undefined,
    });
  });

  it("writes links without empty parameters", () => {
    expect(auditHref({})).toBe("/crm/audit");
    expect(auditHref({ actor: "", entity: "lead", to: "2026-12-06" })).toBe("/crm/audit?entity=lead&to=2026-12-06");
    expect(auditHref({ actor: "u1" }, { createdAt: new Date(5), id: "e1" })).toBe("/crm/audit?actor=u1&before=5%7Ee1");
  });
});
