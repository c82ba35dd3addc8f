import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { phoneFor, WORKSPACE_ROLES } from "../access";
import { CursorError, decodeCursor, encodeCursor, type Direction, type InboxCursor, type InboxSort } from "./cursor";
import { leadFilterWhere } from "../filter/filter";
import { readInOrder, sortValueOf, type LeadRow, type Position } from "./order";
import { inboxQuerySchema } from "./schema";

export const INBOX_PAGE_SIZE = 50;

export interface InboxRow {
  id: string;
  company: string;
  contactName: string;
  /** masked for staff on leads that are not theirs */
  phone: string;
  owner: { id: string; name: string } | null;
  stage: LeadRow["stage"];
  need: {
    deal: "BUY" | "RENT" | null;
    kind: "FACTORY" | "OFFICE" | "LAND" | null;
    area: string | null;
    unit: "SQM" | "MU" | null;
  } | null;
  /** 万元 a year, exact */
  expectedAnnualTax: string | null;
  score: number | null;
  vetoed: boolean;
  /** raw code values; pages and the CSV show them through term() of lib/i18n/vocabulary */
  source: string;
  medium: string | null;
  listing: LeadRow["listing"];
  park: LeadRow["park"];
  lastActivityAt: Date | null;
  nextFollowUpAt: Date | null;
  createdAt: Date;
  overdue: boolean;
  late: boolean;
  archived: boolean;
  /** seeded demo data (lib/demo) */
  demo: boolean;
  /** another live lead has the same normalised company name */
  duplicate: boolean;
}

export type InboxPage = {
  ok: true;
  rows: InboxRow[];
  sort: InboxSort;
  direction: Direction;
  /** cursors for the neighbouring pages; null where there is none */
  next: string | null;
  previous: string | null;
  /** the page is not the first one (offer "back to the first page") */
  paged: boolean;
};
export type InboxResult = InboxPage | { ok: false; fieldErrors: FieldErrors };

/**
 * Leads of this page that share their company key with another live lead. One EXISTS per row, so
 * each probe of Lead_companyKey_idx stops at the first other lead instead of counting them all.
 */
async function duplicateIds(db: Database, rows: LeadRow[]): Promise<Set<string>> {
  const keyed = rows.filter((row) => row.companyKey !== "");
  if (!keyed.length) return new Set();
  const found = await db.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM unnest(${keyed.map((row) => row.id)}::text[],
    ${keyed.map((row) => row.companyKey)}::text[]) AS p("id", "key")
    WHERE EXISTS (SELECT 1 FROM "Lead" o WHERE o."companyKey" = p."key" AND o."id" <> p."id"
      AND o."mergedIntoId" IS NULL AND o."erasedAt" IS NULL)`;
  return new Set(found.map((row) => row.id));
}

/** A lead as the viewer may see it in a list: the phone masked unless theirs (or a manager's). */
function toInboxRow(viewer: Viewer, row: LeadRow, now: Date, duplicates: Set<string>): InboxRow {
  const hasNeed = row.needDeal || row.needKind || row.needArea;
  return {
    id: row.id,
    company: row.company,
    contactName: row.contactName,
    phone: phoneFor(viewer, row),
    owner: row.owner,
    stage: row.stage,
    need: hasNeed
      ? { deal: row.needDeal, kind: row.needKind, area: row.needArea?.toFixed() ?? null, unit: row.needAreaUnit }
      : null,
    expectedAnnualTax: row.expectedAnnualTax?.toFixed() ?? null,
    score: row.score,
    vetoed: row.vetoed,
    source: row.source,
    medium: row.firstUtmMedium,
    listing: row.listing,
    park: row.park,
    lastActivityAt: row.lastActivityAt,
    nextFollowUpAt: row.nextFollowUpAt,
    createdAt: row.createdAt,
    overdue: row.nextFollowUpAt !== null && row.nextFollowUpAt < now,
    late: row.firstRespondedAt === null && row.firstResponseDueAt !== null && row.firstResponseDueAt < now,
    archived: row.archivedAt !== null,
    demo: row.demo,
    duplicate: duplicates.has(row.id),
  };
}

/**
 * One page (50 rows) of the leads the viewer may see under a filter, in a keyset order. A
 * cursor that was altered or belongs to another order is answered with field error `cursor`.
 */
export async function listInbox(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  now = new Date(),
): Promise<InboxResult> {
  assertRole(viewer, WORKSPACE_ROLES, "read the lead inbox");
  const parsed = inboxQuerySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { filter, sort, direction } = parsed.data;
  let cursor: InboxCursor | null = null;
  try {
    if (parsed.data.cursor) cursor = decodeCursor(parsed.data.cursor, sort, direction);
  } catch (error) {
    if (error instanceof CursorError) return { ok: false, fieldErrors: { cursor: "invalid" } };
    throw error;
  }
  const where = leadFilterWhere(filter, viewer, now);
  const take = INBOX_PAGE_SIZE + 1;
  const read = (from: InboxCursor | null, backwards: boolean) =>
    readInOrder(db, { where, sort, direction, from, take, backwards });
  const at = (way: "after" | "before", { value, id }: Position) => encodeCursor({ sort, direction, way, value, id });
  const positionOf = (row: LeadRow): Position => ({ value: sortValueOf(sort, row), id: row.id });

  let page: LeadRow[];
  let next: string | null = null;
  let previous: string | null = null;
  let paged = false;
  const before = cursor?.way === "before" ? (await read(cursor, true)).reverse() : null;
  if (cursor && before && before.length > INBOX_PAGE_SIZE) {
    // Going back and not yet at the start: the page is the 50 rows nearest the cursor.
    page = before.slice(1);
    paged = true;
    previous = at("before", positionOf(page[0]));
    next = at("after", positionOf(page[page.length - 1]));
  } else {
    // A first page, a page after a cursor, or going back past the start (then the full first page).
    const from = cursor?.way === "after" ? cursor : null;
    const rows = await read(from, false);
    page = rows.slice(0, INBOX_PAGE_SIZE);
    paged = from !== null;
    if (rows.length > INBOX_PAGE_SIZE) next = at("after", positionOf(page[page.length - 1]));
    if (from) previous = page.length ? at("before", positionOf(page[0])) : at("before", from);
  }
  const duplicates = await duplicateIds(db, page);
  return {
    ok: true,
    rows: page.map((row) => toInboxRow(viewer, row, now, duplicates)),
    sort,
    direction,
    next,
    previous,
    paged,
  };
}
