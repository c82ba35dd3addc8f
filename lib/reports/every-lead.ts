import type { Viewer } from "../auth/session";
import { managesLeads } from "../leads/access";
import type { ReportFilter } from "./filters";

/**
 * Whether a view counts every live lead (a manager, no park, kind, source or owner filter), so a
 * report may count inquiries without looking at their leads: a merge moves the tombstone's
 * inquiries to the survivor, so no inquiry belongs to a lead the reports leave out. Mirrors
 * reportLeadsSql, which narrows nothing else for such a view.
 */
export function coversEveryLead(filter: ReportFilter, viewer: Viewer): boolean {
  return managesLeads(viewer) && !filter.park && !filter.kind && !filter.source && !filter.owner;
}
