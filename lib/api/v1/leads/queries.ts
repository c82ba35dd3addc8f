import "server-only";
import type { Database } from "../../../db/client";
import type { Prisma } from "../../../db/generated/client";
import type { ApiCaller } from "../../keys/scopes";
import { pageOf, pageOrder, pageWhere, type PageQuery } from "../pagination";
import {
  inquiryResource,
  inquiryResourceSelect,
  leadResource,
  leadResourceSelect,
  type InquiryResource,
  type LeadResource,
} from "../resources";
import { LEAD_INQUIRIES_SHOWN } from "./schema";

/**
 * The leads a key reaches: every live lead, or only its park's. A lead merged away is gone (its
 * inquiries live on the surviving lead); archived and erased leads stay, marked by archivedAt and erasedAt.
 */
export function leadsReachedBy(caller: ApiCaller): Prisma.LeadWhereInput {
  return { mergedIntoId: null, ...(caller.parkId === null ? {} : { parkId: caller.parkId }) };
}

export async function listLeads(db: Database, caller: ApiCaller, query: PageQuery) {
  const rows = await db.lead.findMany({
    where: { AND: [leadsReachedBy(caller), pageWhere(query)] },
    orderBy: pageOrder,
    take: query.limit + 1,
    select: leadResourceSelect,
  });
  return pageOf(rows, query.limit, leadResource);
}

/** The lead; null for an unknown lead or one the key does not reach. */
export async function findLead(db: Database, caller: ApiCaller, id: string): Promise<LeadResource | null> {
  const row = await db.lead.findFirst({ where: { id, ...leadsReachedBy(caller) }, select: leadResourceSelect });
  return row && leadResource(row);
}

/** The lead with its newest inquiries; null for an unknown lead or one the key does not reach. */
export async function readLead(
  db: Database,
  caller: ApiCaller,
  id: string,
): Promise<(LeadResource & { inquiries: InquiryResource[] }) | null> {
  const row = await db.lead.findFirst({
    where: { id, ...leadsReachedBy(caller) },
    select: {
      ...leadResourceSelect,
      inquiries: {
        select: inquiryResourceSelect,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: LEAD_INQUIRIES_SHOWN,
      },
    },
  });
  if (!row) return null;
  const { inquiries, ...lead } = row;
  return { ...leadResource(lead), inquiries: inquiries.map(inquiryResource) };
}
