import type { Direction, InboxSort } from "@/lib/leads/inbox/cursor";
import type { LeadFilter } from "@/lib/leads/filter/filter";

export interface InboxView {
  filter: LeadFilter;
  sort: InboxSort;
  direction: Direction;
  cursor?: string;
}

/** The URL of an inbox view (or its CSV export, or .xlsx with format); defaults are left out so links stay short. */
export function inboxHref(view: InboxView, path = "/crm/leads", format?: "xlsx"): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(view.filter))
    if (value !== undefined && value !== "") params.set(name, String(value));
  if (view.sort !== "received") params.set("sort", view.sort);
  if (view.direction !== "desc") params.set("dir", view.direction);
  if (view.cursor) params.set("cursor", view.cursor);
  if (format) params.set("format", format);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
