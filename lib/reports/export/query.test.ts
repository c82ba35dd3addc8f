import { describe, expect, it } from "vitest";
import { exportQuery } from "./query";

describe("exportQuery", () => {
  it("keeps the filters, drops the tab and sets the export's own parameters", () => {
    expect(exportQuery("?tab=loss&range=custom&from=2026-10-01&to=2026-10-31&park=p1", { report: "loss" })).toBe(
      "range=custom&from=2026-10-01&to=2026-10-31&park=p1&report=loss",
    );
  });

  it("replaces a report the query already named and encodes what it sets", () => {
    expect(exportQuery("report=funnel&source=百度 推广", { report: "all" })).toBe(
      "report=all&source=%E7%99%BE%E5%BA%A6+%E6%8E%A8%E5%B9%BF",
    );
  });
});
