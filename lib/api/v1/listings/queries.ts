import "server-only";
import type { Database } from "../../../db/client";
import type { Prisma } from "../../../db/generated/client";
import type { ApiCaller } from "../../keys/scopes";
import { pageOf, pageOrder, pageWhere, type PageQuery } from "../pagination";
import { listingResource, listingResourceSelect, type ListingResource } from "../resources";

/** The listings a key reaches: the published ones, of every park or of its own. */
export function listingsReachedBy(caller: ApiCaller): Prisma.ListingWhereInput {
  return { published: true, ...(caller.parkId === null ? {} : { parkId: caller.parkId }) };
}

export async function listListings(db: Database, caller: ApiCaller, query: PageQuery) {
  const rows = await db.listing.findMany({
    where: { AND: [listingsReachedBy(caller), pageWhere(query)] },
    orderBy: pageOrder,
    take: query.limit + 1,
    select: listingResourceSelect,
  });
  return pageOf(rows, query.limit, listingResource);
}

export async function findListing(db: Database, caller: ApiCaller, id: string): Promise<ListingResource | null> {
  const row = await db.listing.findFirst({
    where: { id, ...listingsReachedBy(caller) },
    select: listingResourceSelect,
  });
  return row && listingResource(row);
}
