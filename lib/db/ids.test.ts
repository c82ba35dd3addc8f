import { describe, expect, it } from "vitest";
import { newId } from "./ids";

describe("newId", () => {
  it("has the cuid shape and sorts by creation time", () => {
    const earlier = newId(Date.parse("2026-11-25T00:00:00Z"));
    const later = newId(Date.parse("2026-11-25T00:00:01Z"));
    expect(earlier).toMatch(/^c[0-9a-z]{24}$/);
    expect(earlier < later).toBe(true);
  });

  it("does not repeat in a large batch from the same millisecond", () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 100_000 }, () => newId(now)));
    expect(ids.size).toBe(100_000);
  });

  it("uses the whole random alphabet", () => {
    const seen = new Set(Array.from({ length: 2_000 }, () => newId().slice(9)).join(""));
    expect(seen.size).toBe(32);
  });
});
