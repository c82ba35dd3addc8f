import { z } from "zod";
import { calendarDay, queryText } from "../forms/fields";
import { Prisma } from "../db/generated/client";
import type { Viewer } from "../auth/session";
import { managesLeads } from "../leads/access";
import { shanghaiDate, shanghaiDayStart } from "../calendar/shanghai-time";

export const rangePresets = ["this_month", "last_month", "this_quarter", "this_year", "custom"] as const;
export type RangePreset = (typeof rangePresets)[number];
export const periods = ["week", "month"] as const;

const id = z
  .string()
  .trim()
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, "invalid");
/** A real day in the years the app knows: 2026-13-45 is a notice, never an Invalid Date thrown into the page. */
const day = calendarDay;

/** A report view as it appears in the URL, so it can be bookmarked and shared. */
export const reportFilterSchema = z
  .strictObject({
    range: z.enum(rangePresets, "choice").default("this_month"),
    /** custom range, inclusive Asia/Shanghai days */
    from: day.optional(),
    to: day.optional(),
    park: id.optional(),
    kind: z.enum(["FACTORY", "OFFICE", "LAND"], "choice").optional(),
    source: queryText(100).optional(),
    owner: id.optional(),
    period: z.enum(periods, "choice").default("month"),
    /** the delivery report's day (YYYY-MM-DD, Asia/Shanghai), today when absent */
    asOf: day.optional(),
    /** the delivery report's evaluation year, last year when absent */
    year: z
      .string()
      .trim()
      .regex(/^20\d\d$/, "invalid")
      .optional(),
  })
  .superRefine((filter, ctx) => {
    if (filter.range !== "custom") return;
    if (!filter.from) ctx.addIssue({ code: "custom", path: ["from"], message: "required" });
    if (!filter.to) ctx.addIssue({ code: "custom", path: ["to"], message: "required" });
    if (filter.from && filter.to && filter.from > filter.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "endBeforeStart" });
  });
export type ReportFilter = z.output<typeof reportFilterSchema>;

/** URL search parameters as Next hands them to pages and as the export routes collect them. */
export type UrlParams = Record<string, string | string[] | undefined>;

/** A parameter's first value: a repeated one (?park=a&park=b) is read as its first. */
export const firstParam = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Reads a report view from URL search params: empty values dropped, unknown params ignored. */
export function parseReportFilter(params: UrlParams) {
  const known = Object.keys(reportFilterSchema.shape);
  const picked = Object.fromEntries(
    Object.entries(params)
      .map(([key, value]) => [key, firstParam(value)] as const)
      .filter(([key, value]) => known.includes(key) && typeof value === "string" && value.trim() !== ""),
  );
  return reportFilterSchema.safeParse(picked);
}

export interface ReportRange {
  /** first instant inside the range */
  from: Date;
  /** first instant after the range */
  to: Date;
  fromDay: string;
  /** last day inside the range (inclusive) */
  toDay: string;
}

function dayText(year: number, month: number, dayOfMonth: number): string {
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  return date.toISOString().slice(0, 10);
}

/** The range's instants: presets are calendar months, quarters and years in Asia/Shanghai, containing `now`. */
export function resolveRange(filter: Pick<ReportFilter, "range" | "from" | "to">, now = new Date()): ReportRange {
  const today = shanghaiDate(now);
  let fromDay: string;
  let toDay: string;
  switch (filter.range) {
    case "this_month":
      fromDay = dayText(today.year, today.month, 1);
      toDay = dayText(today.year, today.month + 1, 0);
      break;
    case "last_month":
      fromDay = dayText(today.year, today.month - 1, 1);
      toDay = dayText(today.year, today.month, 0);
      break;
    case "this_quarter": {
      const first = Math.floor((today.month - 1) / 3) * 3 + 1;
      fromDay = dayText(today.year, first, 1);
      toDay = dayText(today.year, first + 3, 0);
      break;
    }
    case "this_year":
      fromDay = dayText(today.year, 1, 1);
      toDay = dayText(today.year, 12, 31);
      break;
    case "custom":
      if (!filter.from || !filter.to) throw new Error("a custom range needs from and to");
      fromDay = filter.from;
      toDay = filter.to;
      break;
  }
  return {
    from: shanghaiDayStart(fromDay),
    to: new Date(shanghaiDayStart(toDay).getTime() + 86_400_000),
    fromDay,
    toDay,
  };
}

/** The view's narrowing by owner (staff: always themselves), park, kind and source, over `column`. */
function narrowing(
  filter: ReportFilter,
  viewer: Viewer,
  column: (name: string) => Prisma.Sql,
  kind: (value: string) => Prisma.Sql,
): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  const owner = managesLeads(viewer) ? filter.owner : viewer.id;
  if (owner) conditions.push(Prisma.sql`${column("ownerId")} = ${owner}`);
  if (filter.park) conditions.push(Prisma.sql`${column("parkId")} = ${filter.park}`);
  if (filter.kind) conditions.push(Prisma.sql`${column("needKind")} = ${kind(filter.kind)}`);
  if (filter.source) conditions.push(Prisma.sql`${column("source")} = ${filter.source}`);
  return conditions;
}

const columnOf = (alias: string) => (name: string) => Prisma.raw(`"${alias}"."${name}"`);

/**
 * The leads a report counts, as SQL over "Lead" aliased `alias`: never a lead merged into another
 * (its history and inquiries now belong to the survivor), narrowed by the view's filters. Staff see
 * their own figures only, whatever owner the URL names. The date range is applied by each report,
 * since each counts a different event (creation, signing, an inquiry…).
 */
export function reportLeadsSql(filter: ReportFilter, viewer: Viewer, alias = "l"): Prisma.Sql {
  const column = columnOf(alias);
  const kind = (value: string) => Prisma.sql`${value}::"ListingKind"`;
  return Prisma.join(
    [Prisma.sql`${column("mergedIntoId")} IS NULL`, ...narrowing(filter, viewer, column, kind)],
    " AND ",
  );
}

/**
 * The same narrowing over ReportTally rows aliased `alias` (lib/reports/tallies): merged-away leads are
 * never tallied, and the kind is kept as text.
 */
export function reportTallySql(filter: ReportFilter, viewer: Viewer, alias = "t"): Prisma.Sql {
  return Prisma.join(
    [Prisma.sql`true`, ...narrowing(filter, viewer, columnOf(alias), (value) => Prisma.sql`${value}`)],
    " AND ",
  );
}

/**
 * Whether reportLeadsSql narrows nothing but merged-away leads for this view (a manager with no park,
 * kind, source or owner filter), so a report may read stage moves without their leads: a merge moves
 * the merged lead's history to the survivor. Kept beside reportLeadsSql so a new filter changes both.
 */
export function coversEveryLead(filter: ReportFilter, viewer: Viewer): boolean {
  return managesLeads(viewer) && !filter.park && !filter.kind && !filter.source && !filter.owner;
}
