import { z } from "zod";

/*
 * The inbox's orders and the position in them. A cursor names the row a page starts after (or
 * ends before) by its sort value and id, so the next page is an index range read however deep it
 * is, where OFFSET would read and discard every row before it.
 */

/**
 * received = createdAt, activity = lastActivityAt, score = 准入评分: each has an index to walk.
 * Expected tax has none (the schema is fixed), and sorting a million leads by it reads them all.
 */
export const inboxSorts = ["received", "activity", "score"] as const;
export type InboxSort = (typeof inboxSorts)[number];
export const directions = ["desc", "asc"] as const;
export type Direction = (typeof directions)[number];

export type SortValue = string | number | null;

/** An instant PostgreSQL can hold: year 0 (0000-01-01T00:00:00Z, which Date reads) does not exist there. */
const isoDate = z.iso.datetime().refine((text) => {
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).getUTCFullYear() >= 1;
});
const valueSchemas: Record<InboxSort, z.ZodType<SortValue>> = {
  received: isoDate,
  activity: isoDate.nullable(),
  score: z.number().int().min(-1000).max(1000).nullable(),
};

/** `after`: the page starts after this row; `before`: the page ends before it (a "previous" link). */
export interface InboxCursor {
  sort: InboxSort;
  direction: Direction;
  way: "after" | "before";
  value: SortValue;
  id: string;
}

const payloadSchema = z.strictObject({
  s: z.enum(inboxSorts),
  d: z.enum(directions),
  w: z.enum(["after", "before"]),
  v: z.union([z.string(), z.number(), z.null()]),
  i: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export function encodeCursor(cursor: InboxCursor): string {
  const payload: z.infer<typeof payloadSchema> = {
    s: cursor.sort,
    d: cursor.direction,
    w: cursor.way,
    v: cursor.value,
    i: cursor.id,
  };
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

export class CursorError extends Error {
  constructor(readonly reason: "malformed" | "otherOrder") {
    super(
      reason === "malformed"
        ? "The page cursor is malformed or was altered"
        : "The page cursor belongs to another sort order",
    );
    this.name = "CursorError";
  }
}

/**
 * Reads a cursor from a URL. Anything not made by encodeCursor for this very order — altered,
 * truncated, or carried over from another sort — is refused with a CursorError, never half-read.
 */
export function decodeCursor(text: string, sort: InboxSort, direction: Direction): InboxCursor {
  if (text.length > 400 || !/^[A-Za-z0-9_-]+$/.test(text)) throw new CursorError("malformed");
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new CursorError("malformed");
  }
  const payload = payloadSchema.safeParse(json);
  if (!payload.success) throw new CursorError("malformed");
  const { s, d, w, v, i } = payload.data;
  if (s !== sort || d !== direction) throw new CursorError("otherOrder");
  if (!valueSchemas[s].safeParse(v).success) throw new CursorError("malformed");
  return { sort: s, direction: d, way: w, value: v, id: i };
}
