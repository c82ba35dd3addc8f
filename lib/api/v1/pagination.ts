import { z } from "zod";

/*
 * Keyset pagination over (updatedAt, id), oldest change first: a page ends where the next begins,
 * whatever is written meanwhile, and a client that kept the last `next_cursor`, or the last
 * updatedAt as `updated_since`, misses no change. The cursor is opaque to clients.
 */

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export interface PagePosition {
  updatedAt: Date;
  id: string;
}

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.updatedAt.toISOString(), position.id])).toString("base64url");
}

export function decodeCursor(cursor: string): PagePosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value;
    if (typeof at !== "string" || typeof id !== "string" || !/^[A-Za-z0-9_-]{1,40}$/.test(id)) return null;
    const updatedAt = new Date(at);
    return Number.isNaN(updatedAt.getTime()) || updatedAt.toISOString() !== at ? null : { updatedAt, id };
  } catch {
    return null;
  }
}

/** The query of every list endpoint; messages are validation.* keys, as in the forms. */
export const pageQuerySchema = z.strictObject(
  {
    updated_since: z.iso
      .datetime({ offset: true, error: "dateTime" })
      .transform((value) => new Date(value))
      .optional()
      .meta({
        description:
          "只列出此时刻及之后修改的记录（ISO 8601） / Only records changed at or after this instant (ISO 8601)",
        examples: ["2026-12-01T00:00:00Z"],
      }),
    limit: z.coerce
      .number({ error: "integer" })
      .int("integer")
      .min(1, "tooSmall:1")
      .max(MAX_PAGE_SIZE, `tooBig:${MAX_PAGE_SIZE}`)
      .default(DEFAULT_PAGE_SIZE)
      .meta({ description: `每页条数 1–${MAX_PAGE_SIZE}，默认 ${DEFAULT_PAGE_SIZE} / Page size 1–${MAX_PAGE_SIZE}` }),
    cursor: z
      .string("invalid")
      .max(200, "invalid")
      .transform((value, ctx) => decodeCursor(value) ?? (ctx.addIssue({ code: "custom", message: "cursor" }), z.NEVER))
      .optional()
      .meta({ description: "上一页的 next_cursor / The previous page's next_cursor" }),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid") },
);
export type PageQuery = z.output<typeof pageQuerySchema>;

/** The Prisma `where` and `orderBy` of a page: changed since, after the cursor, in (updatedAt, id) order. */
export function pageWhere(query: PageQuery) {
  const after = query.cursor;
  return {
    AND: [
      query.updated_since ? { updatedAt: { gte: query.updated_since } } : {},
      after
        ? { OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] }
        : {},
    ],
  };
}
export const pageOrder = [{ updatedAt: "asc" as const }, { id: "asc" as const }];

/** One row more than the page is read: its presence says another page follows. */
export function pageOf<Row extends PagePosition, Item>(rows: Row[], limit: number, map: (row: Row) => Item) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(map),
    next_cursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

export const pageSchema = <T extends z.ZodType>(item: T, id: string, description: string) =>
  z
    .object({
      data: z.array(item),
      next_cursor: z
        .string()
        .nullable()
        .meta({ description: "下一页的游标；没有更多时为 null / The next page's cursor; null on the last page" }),
    })
    .meta({ id, description });
