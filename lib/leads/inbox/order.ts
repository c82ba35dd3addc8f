import "server-only";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { Direction, InboxSort, SortValue } from "./cursor";

/*
 * Reading leads in an inbox order from a position, for the inbox's pages and the CSV export's
 * batches. Rows with no value (no activity yet, not scored) come last in either
 * direction. They are read as a second run ("values" then "nulls"), so each run is one ordered index
 * range: `score IS NOT NULL AND score <= v … ORDER BY score DESC, id DESC` walks Lead_score_idx
 * backwards, where `ORDER BY score DESC NULLS LAST` would not match the index and sort the table.
 */

type SortField = "createdAt" | "lastActivityAt" | "score";

const FIELDS: Record<InboxSort, { field: SortField; nullable: boolean }> = {
  received: { field: "createdAt", nullable: false },
  activity: { field: "lastActivityAt", nullable: true },
  score: { field: "score", nullable: true },
};

export const leadRowSelect = {
  id: true,
  company: true,
  companyKey: true,
  contactName: true,
  phone: true,
  ownerId: true,
  needDeal: true,
  needKind: true,
  needArea: true,
  needAreaUnit: true,
  expectedAnnualTax: true,
  score: true,
  vetoed: true,
  source: true,
  firstUtmMedium: true,
  lastActivityAt: true,
  nextFollowUpAt: true,
  firstResponseDueAt: true,
  firstRespondedAt: true,
  archivedAt: true,
  demo: true,
  createdAt: true,
  stage: { select: { key: true, name: true, nameEn: true, category: true } },
  owner: { select: { id: true, name: true } },
  listing: { select: { id: true, title: true, titleEn: true } },
  park: { select: { id: true, name: true, nameEn: true } },
} satisfies Prisma.LeadSelect;

export type LeadRow = Prisma.LeadGetPayload<{ select: typeof leadRowSelect }>;

/** The sort value of a row, as a cursor carries it (dates as ISO text). */
export function sortValueOf(sort: InboxSort, row: LeadRow): SortValue {
  switch (sort) {
    case "received":
      return row.createdAt.toISOString();
    case "activity":
      return row.lastActivityAt?.toISOString() ?? null;
    case "score":
      return row.score;
  }
}

function onField(field: SortField, condition: unknown): Prisma.LeadWhereInput {
  return { [field]: condition } as Prisma.LeadWhereInput;
}

function dbValue(sort: InboxSort, value: string | number): Date | number {
  return sort === "score" ? Number(value) : new Date(value);
}

type Run = "values" | "nulls";
export interface Position {
  value: SortValue;
  id: string;
}

function runWhere(sort: InboxSort, run: Run, order: Direction, from: Position | null): Prisma.LeadWhereInput {
  const { field, nullable } = FIELDS[sort];
  const strict = order === "desc" ? "lt" : "gt";
  if (run === "nulls") return { AND: [onField(field, null), from ? { id: { [strict]: from.id } } : {}] };
  const present = nullable ? onField(field, { not: null }) : {};
  if (!from || from.value === null) return present;
  const value = dbValue(sort, from.value);
  return {
    AND: [
      present,
      // Redundant with the OR below, but it is the part the planner can use as an index bound.
      onField(field, { [order === "desc" ? "lte" : "gte"]: value }),
      { OR: [onField(field, { [strict]: value }), { AND: [onField(field, value), { id: { [strict]: from.id } }] }] },
    ],
  };
}

function runOrder(sort: InboxSort, run: Run, order: Direction): Prisma.LeadOrderByWithRelationInput[] {
  if (run === "nulls") return [{ id: order }];
  return [{ [FIELDS[sort].field]: order } as Prisma.LeadOrderByWithRelationInput, { id: order }];
}

/**
 * Up to `take` rows of `where` in the order (sort, direction), starting after `from`; with
 * `backwards`, the rows before `from`, nearest first. No row is skipped or read twice, whatever
 * ties or missing values there are, since (value, id) is unique and every run is ordered by it.
 */
export async function readInOrder(
  db: Database,
  options: {
    where: Prisma.LeadWhereInput;
    sort: InboxSort;
    direction: Direction;
    from: Position | null;
    take: number;
    backwards?: boolean;
  },
): Promise<LeadRow[]> {
  const { where, sort, direction, from, take, backwards = false } = options;
  const order: Direction = backwards === (direction === "desc") ? "asc" : "desc";
  const runs: Run[] = !FIELDS[sort].nullable ? ["values"] : backwards ? ["nulls", "values"] : ["values", "nulls"];
  const start = from ? runs.indexOf(from.value === null ? "nulls" : "values") : 0;
  if (start < 0) throw new Error(`readInOrder: a ${sort} position must carry a value`);
  const rows: LeadRow[] = [];
  for (let index = start; index < runs.length && rows.length < take; index++) {
    const run = runs[index];
    rows.push(
      ...(await db.lead.findMany({
        where: { AND: [where, runWhere(sort, run, order, index === start ? from : null)] },
        orderBy: runOrder(sort, run, order),
        take: take - rows.length,
        select: leadRowSelect,
      })),
    );
  }
  return rows;
}
