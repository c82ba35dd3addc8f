import { afterEach, describe, expect, it } from "vitest";
import { parseShanghaiLocal, toShanghaiLocal } from "./shanghai-time";

describe("Shanghai local times from datetime-local inputs", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it("reads 10:00 as 10:00 in Shanghai (02:00 UTC) whatever zone the server runs in", () => {
    for (const tz of ["UTC", "America/New_York", "Asia/Shanghai", "Pacific/Kiritimati"]) {
      process.env.TZ = tz;
      expect(parseShanghaiLocal("2026-11-27T10:00")?.toISOString()).toBe("2026-11-27T02:00:00.000Z");
      expect(parseShanghaiLocal("2026-01-01T07:59:30")?.toISOString()).toBe("2025-12-31T23:59:30.000Z");
    }
  });

  it("refuses what is not a real moment", () => {
    for (const value of [
      "2026-02-30T10:00",
      "2026-11-27T24:00",
      "2026-11-27 10:00",
      "2026-11-27",
      "tomorrow",
      "1999-12-31T10:00",
    ]) {
      expect(parseShanghaiLocal(value), value).toBeNull();
    }
  });

  it("shows a moment as the Shanghai wall-clock value an input takes back", () => {
    const moment = new Date("2026-11-26T17:45:00Z");
    expect(toShanghaiLocal(moment)).toBe("2026-11-27T01:45");
    expect(parseShanghaiLocal(toShanghaiLocal(moment))).toEqual(moment);
  });
});
