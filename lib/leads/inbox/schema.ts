import { z } from "zod";
import type { Messages } from "../../i18n/messages";
import { directions, inboxSorts, type Direction, type InboxSort } from "./cursor";
import { leadFilterSchema, parseLeadFilter, type LeadFilter } from "../filter/filter";

/** What a page of the inbox is: the shared lead filter, an order and a position in it. */
export const inboxQuerySchema = z.strictObject({
  filter: leadFilterSchema.default({}),
  sort: z.enum(inboxSorts, "invalid").default("received"),
  direction: z.enum(directions, "invalid").default("desc"),
  cursor: z.string().max(400, "invalid").optional(),
});
export type InboxQuery = z.input<typeof inboxQuerySchema>;

/**
 * Reads the inbox's URL: the lead filter plus sort, dir and cursor. Invalid values are named in
 * `invalid` and left out, so the page can say which filter it ignored instead of failing.
 */
export function parseInboxParams(params: Record<string, string | string[] | undefined>) {
  const first = (name: string) => {
    const value = params[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const single = Object.fromEntries(Object.keys(leadFilterSchema.shape).map((name) => [name, first(name)]));
  const invalid = new Set<string>();
  let parsed = parseLeadFilter(single);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) invalid.add(String(issue.path[0]));
    parsed = parseLeadFilter(Object.fromEntries(Object.entries(single).filter(([name]) => !invalid.has(name))));
  }
  const filter: LeadFilter = parsed.success ? { ...parsed.data } : {};
  const sort = first("sort");
  const direction = first("dir");
  if (sort !== undefined && !inboxSorts.includes(sort as InboxSort)) invalid.add("sort");
  if (direction !== undefined && !directions.includes(direction as Direction)) invalid.add("dir");
  return {
    query: {
      filter,
      sort: inboxSorts.includes(sort as InboxSort) ? (sort as InboxSort) : "received",
      direction: directions.includes(direction as Direction) ? (direction as Direction) : "desc",
      cursor: first("cursor"),
    },
    invalid: [...invalid],
  };
}

/** The label a person knows a URL parameter by, for "these filters were ignored". */
export function inboxParamLabel(name: string, messages: Messages): string {
  const t = messages.inbox;
  const labels: Record<string, string> = {
    q: t.search,
    stage: t.stage,
    owner: t.owner,
    park: t.park,
    listing: t.listing,
    source: t.source,
    from: t.from,
    to: t.to,
    overdue: t.overdue,
    late: t.late,
    archived: t.archived,
    sort: t.sort,
    dir: t.sort,
  };
  return labels[name] ?? name;
}

/**
 * The URL's inbox parameters as unvalidated input for a lib/ call that must refuse bad ones rather
 * than drop them (the CSV export); empty values count as absent, as in the filter form.
 */
export function inboxInputOf(params: URLSearchParams) {
  const value = (name: string) => params.get(name)?.trim() || undefined;
  const filter = Object.fromEntries(
    Object.keys(leadFilterSchema.shape).flatMap((name) => (value(name) ? [[name, value(name)]] : [])),
  );
  return { filter, sort: value("sort"), direction: value("dir") };
}
