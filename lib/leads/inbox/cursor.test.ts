import { describe, expect, it } from "vitest";
import { CursorError, decodeCursor, encodeCursor, type InboxCursor } from "./cursor";

const sample: InboxCursor = {
  sort: "received",
  direction: "desc",
  way: "after",
  value: "2026-11-20T08:30:00.123Z",
  id: "clead0001",
};

function forge(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

describe("inbox cursors", () => {
  it("round-trip every sort, with and without a value", () => {
    const cursors: InboxCursor[] = [
      sample,
      { sort: "activity", direction: "asc", way: "before", value: null, id: "c2" },
      { sort: "activity", direction: "desc", way: "after", value: "2026-01-02T03:04:05.006Z", id: "c3" },
      { sort: "score", direction: "desc", way: "after", value: 87, id: "c4" },
      { sort: "score", direction: "asc", way: "before", value: null, id: "c5" },
    ];
    for (const cursor of cursors)
      expect(decodeCursor(encodeCursor(cursor), cursor.sort, cursor.direction)).toEqual(cursor);
  });

  it("are URL-safe text", () => {
    expect(encodeCursor(sample)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("refuse a cursor made for another sort or direction", () => {
    const text = encodeCursor(sample);
    expect(() => decodeCursor(text, "score", "desc")).toThrow(new CursorError("otherOrder"));
    expect(() => decodeCursor(text, "received", "asc")).toThrow(CursorError);
  });

  const malformed: [string, string, "received" | "score"][] = [
    ["not base64 at all", "%%%", "received"],
    ["base64 of garbage", Buffer.from("garbage").toString("base64url"), "received"],
    ["truncated", encodeCursor(sample).slice(0, 20), "received"],
    ["a missing id", forge({ s: "received", d: "desc", w: "after", v: sample.value }), "received"],
    [
      "an id with SQL in it",
      forge({ s: "received", d: "desc", w: "after", v: sample.value, i: "x' OR 1=1 --" }),
      "received",
    ],
    ["an extra field", forge({ s: "received", d: "desc", w: "after", v: sample.value, i: "c1", x: 1 }), "received"],
    [
      "a date that is not one",
      forge({ s: "received", d: "desc", w: "after", v: "2026-02-30T99:00:00Z", i: "c1" }),
      "received",
    ],
    [
      "no value where the column is never empty",
      forge({ s: "received", d: "desc", w: "after", v: null, i: "c1" }),
      "received",
    ],
    ["text where a score belongs", forge({ s: "score", d: "desc", w: "after", v: "87", i: "c1" }), "score"],
    ["a fractional score", forge({ s: "score", d: "desc", w: "after", v: 8.5, i: "c1" }), "score"],
    ["an unknown way", forge({ s: "score", d: "desc", w: "sideways", v: 8, i: "c1" }), "score"],
    ["an unknown sort", forge({ s: "company", d: "desc", w: "after", v: "a", i: "c1" }), "received"],
    ["an overlong text", "a".repeat(401), "received"],
  ];
  it.each(malformed)("refuse %s as malformed, not a crash", (_label, text, sort) => {
    expect(() => decodeCursor(text, sort, "desc")).toThrow(new CursorError("malformed"));
  });
});
