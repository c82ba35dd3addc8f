import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageOf, pageQuerySchema } from "./pagination";

describe("the API's keyset pages", () => {
  it("reads back the position a cursor was made from, and nothing a client made up", () => {
    const position = { updatedAt: new Date("2026-12-06T08:30:00.123Z"), id: "cm4lead0000000000000001" };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const cursor of [
      "nonsense",
      forged(["2026-12-06T08:30:00.123Z"]),
      forged(["2026-12-06", "cm4lead"]),
      forged(["2026-12-06T08:30:00.123Z", "'; DROP TABLE"]),
      forged({ updatedAt: "2026-12-06T08:30:00.123Z", id: "x" }),
    ])
      expect(decodeCursor(cursor), cursor).toBeNull();
  });

  it("gives the next cursor only when a row beyond the page was read", () => {
    const rows = [1, 2, 3].map((n) => ({ id: `lead${n}`, updatedAt: new Date(Date.UTC(2026, 11, n)) }));
    const full = pageOf(rows, 2, (row) => row.id);
    expect(full.data).toEqual(["lead1", "lead2"]);
    expect(decodeCursor(full.next_cursor!)).toEqual(rows[1]);
    expect(pageOf(rows, 3, (row) => row.id).next_cursor).toBeNull();
  });

  it("takes limit 1–200 (default 50), an ISO 8601 instant and a cursor; refuses anything else by name", () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(pageQuerySchema.parse({ limit: "200", updated_since: "2026-12-01T08:00:00+08:00" })).toEqual({
      limit: 200,
      updated_since: new Date("2026-12-01T00:00:00Z"),
    });
    const issues = (query: Record<string, string>) =>
      pageQuerySchema.safeParse(query).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues({ limit: "0" })).toEqual([["limit", "tooSmall:1"]]);
    expect(issues({ limit: "201" })).toEqual([["limit", "tooBig:200"]]);
    expect(issues({ updated_since: "yesterday" })).toEqual([["updated_since", "dateTime"]]);
    expect(issues({ cursor: "nonsense" })).toEqual([["cursor", "cursor"]]);
    expect(issues({ page: "2" })).toEqual([["", "unknownField"]]);
  });
});
