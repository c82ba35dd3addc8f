import { describe, expect, it } from "vitest";
import type { Viewer } from "../../auth/session";
import { shanghaiDayStart } from "../../calendar/shanghai-time";
import { leadFilterWhere, parseLeadFilter } from "./filter";

const staff: Viewer = { id: "u1", email: "s@park.test", name: "专员", role: "STAFF" };

describe("lead filters from the URL", () => {
  it("drops empty and unknown params and keeps the known ones", () => {
    const parsed = parseLeadFilter({ stage: "contacted", owner: "", page: "3", q: " 精密 " });
    expect(parsed.success && parsed.data).toEqual({ stage: "contacted", q: "精密" });
  });

  it("refuses days that do not exist instead of rolling them over", () => {
    for (const from of ["2026-13-01", "2026-02-30", "2026-2-1"]) {
      const parsed = parseLeadFilter({ from });
      expect(parsed.success, from).toBe(false);
    }
    expect(parseLeadFilter({ from: "2028-02-29" }).success).toBe(true);
  });

  it("refuses days outside the app's years and search text the database would refuse", () => {
    for (const params of [
      { from: "0000-01-01" },
      { to: "+275760-09-13" },
      { q: "精密\u0000" },
      { source: "\ud800" },
      { q: "a\u202eb" },
    ]) {
      const parsed = parseLeadFilter(params);
      expect(parsed.success).toBe(false);
    }
    expect(parseLeadFilter({ q: "\u3000\u200b" })).toMatchObject({ success: true, data: { q: "" } });
  });

  it("counts days in Asia/Shanghai", () => {
    expect(shanghaiDayStart("2026-11-26").toISOString()).toBe("2026-11-25T16:00:00.000Z");
  });

  it("keeps staff inside their own leads and the pool whatever the filter asks", () => {
    const where = leadFilterWhere({ owner: "someone-else" }, staff);
    expect(where.AND).toContainEqual({ OR: [{ ownerId: "u1" }, { ownerId: null }] });
    expect(where.AND).toContainEqual({ ownerId: "someone-else" });
  });
});
