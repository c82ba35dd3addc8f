import { describe, expect, it } from "vitest";
import { formatDayTime } from "./format";

describe("formatDayTime", () => {
  it("shows a hold's expiry on Shanghai's clock, whatever the server's zone", () => {
    const expiry = new Date("2026-12-13T10:00:00Z");
    expect(formatDayTime(expiry, "zh-CN")).toBe("12月13日 18:00");
    expect(formatDayTime(expiry, "en")).toBe("Dec 13, 18:00");
  });

  it("rolls over to the next day in Shanghai after 16:00 UTC", () => {
    expect(formatDayTime(new Date("2026-12-13T16:30:00Z"), "zh-CN")).toBe("12月14日 00:30");
  });
});
