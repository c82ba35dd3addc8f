import { describe, expect, it } from "vitest";
import { inboxInputOf, inboxQuerySchema, parseInboxParams } from "./schema";

describe("the inbox's URL", () => {
  it("reads filters, sort, direction and cursor, leaving out empty values", () => {
    expect(
      parseInboxParams({
        stage: "contacted",
        owner: "mine",
        q: " 精密 ",
        park: "",
        sort: "score",
        dir: "asc",
        cursor: "abc",
      }),
    ).toEqual({
      query: {
        filter: { stage: "contacted", owner: "mine", q: "精密" },
        sort: "score",
        direction: "asc",
        cursor: "abc",
      },
      invalid: [],
    });
  });

  it("defaults to the newest first", () => {
    expect(parseInboxParams({}).query).toEqual({ filter: {}, sort: "received", direction: "desc", cursor: undefined });
  });

  it("names each invalid parameter and keeps the valid ones", () => {
    const { query, invalid } = parseInboxParams({
      stage: "Bad Stage!",
      owner: "mine",
      from: "2026-02-30",
      to: "yesterday",
      overdue: "yes",
      sort: "company",
      dir: "up",
    });
    expect(invalid.sort()).toEqual(["dir", "from", "overdue", "sort", "stage", "to"]);
    expect(query).toEqual({ filter: { owner: "mine" }, sort: "received", direction: "desc", cursor: undefined });
  });

  it("takes the first of a repeated parameter", () => {
    expect(parseInboxParams({ stage: ["new", "lost"] }).query.filter).toEqual({ stage: "new" });
  });

  it("refuses a day that does not exist when read strictly (the export)", () => {
    const strict = inboxQuerySchema.safeParse(
      inboxInputOf(new URLSearchParams("from=2026-02-29&to=2026-03-01&sort=score")),
    );
    expect(strict.success).toBe(false);
    expect(strict.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["filter.from", "date"],
    ]);
    expect(inboxQuerySchema.safeParse(inboxInputOf(new URLSearchParams("from=2024-02-29&dir=asc"))).data).toMatchObject(
      {
        filter: { from: "2024-02-29" },
        direction: "asc",
      },
    );
  });
});
