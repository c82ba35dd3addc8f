import { describe, expect, it } from "vitest";
import { reportQueryOf, reportViewOf } from "./report-view";

describe("the reports page's view from the URL", () => {
  it("reads the tab and the filter, defaults filled in", () => {
    expect(reportViewOf({ tab: "loss", park: "p1", source: "baidu" })).toEqual({
      tab: "loss",
      invalid: [],
      filter: { range: "this_month", period: "month", park: "p1", source: "baidu" },
    });
    expect(reportViewOf({}).tab).toBe("funnel");
  });

  it("drops and names a bad parameter, keeping the others", () => {
    expect(reportViewOf({ tab: "sales", kind: "SHOP", park: "p1" })).toEqual({
      tab: "funnel",
      invalid: ["tab", "kind"],
      filter: { range: "this_month", period: "month", park: "p1" },
    });
  });

  it("falls back to the default range as a whole when a custom range is broken", () => {
    const view = reportViewOf({ range: "custom", from: "2026-10-31", to: "2026-10-01", owner: "u1" });
    expect(view.invalid).toEqual(["to"]);
    expect(view.filter).toEqual({ range: "this_month", period: "month", owner: "u1" });
    expect(reportViewOf({ range: "custom", from: "2026-02-30" }).invalid).toEqual(["from", "to"]);
  });

  it("names an unreadable or out-of-range day instead of throwing, and a source the database would refuse", () => {
    for (const from of ["2026-13-45", "2026-99-99", "0000-01-01", "9999-12-31"]) {
      const view = reportViewOf({ range: "custom", from, to: "2026-10-01" });
      expect(view.invalid).toContain("from");
      expect(view.filter.range).toBe("this_month");
    }
    expect(reportViewOf({ source: "baidu\u0000" })).toMatchObject({
      invalid: ["source"],
      filter: { range: "this_month" },
    });
  });

  it("writes the filter back as URL parameters, the custom days only for a custom range", () => {
    expect(reportQueryOf({ range: "custom", from: "2026-10-01", to: "2026-10-31", period: "week", kind: "LAND" })).toBe(
      "range=custom&period=week&kind=LAND&from=2026-10-01&to=2026-10-31",
    );
    expect(reportQueryOf({ range: "this_year", from: "2026-10-01", to: "2026-10-31", period: "month" })).toBe(
      "range=this_year&period=month",
    );
  });
});
